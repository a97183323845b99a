TARGET := test-signal
SRC_C  := main.c counting.c contexts.c entrypoint.c
LIBS   := component signal thread ipc
