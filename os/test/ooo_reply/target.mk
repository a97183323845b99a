TARGET := test-ooo_reply
SRC_C  := main.c
LIBS   := component ipc thread lock
