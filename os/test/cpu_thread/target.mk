TARGET := test-cpu_thread
SRC_C  := main.c
LIBS   := test_expect component
