TARGET := test-rpc
SRC_C  := main.c server.c clients.c invalid.c raw.c
LIBS   := test_expect component ipc thread lock rpc_raw_peer
