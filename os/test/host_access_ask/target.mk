TARGET := test-host_access_ask
SRC_C  := main.c
LIBS   := component
