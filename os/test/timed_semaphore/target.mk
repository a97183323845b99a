TARGET := test-timed_semaphore
SRC_C  := main.c
LIBS   := component thread ipc
