TARGET := test-timer
SRC_C  := main.c periodic.c
LIBS   := component signal thread ipc timer_client
