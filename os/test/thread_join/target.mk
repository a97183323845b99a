TARGET := test-thread_join
SRC_C  := main.c
LIBS   := component thread ipc
