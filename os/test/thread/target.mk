TARGET := test-thread
SRC_C  := main.c stack.c threads.c join.c
LIBS   := component thread lock xml
