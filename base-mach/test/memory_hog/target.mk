TARGET := test-mach_memory_hog
SRC_C  := main.c
LIBS   := component
