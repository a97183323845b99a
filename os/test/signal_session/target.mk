TARGET := test-signal_session
SRC_C  := main.c contexts.c malformed.c
LIBS   := component test_expect signal ipc
