TARGET := core_child_fault
SRC_C  := main.c
