TARGET := test-thread
SRC_C  := main.c stack.c threads.c join.c
LIBS   := test_expect component thread lock config_root xml
