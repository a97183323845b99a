TARGET := core_child_fault
SRC_C  := main.c
LIBS   := mach_test_forge
