TARGET := mach_hello
SRC_C  := main.c
LIBS   := mach_test_verdict util
