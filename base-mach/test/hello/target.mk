TARGET := mach_hello
SRC_C  := main.c
LIBS   := util
