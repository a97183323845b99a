TARGET := test-signal_session
SRC_C  := main.c contexts.c take.c malformed.c
LIBS   := component test_expect signal ipc
