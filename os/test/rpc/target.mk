TARGET := test-rpc
SRC_C  := main.c server.c clients.c invalid.c raw.c
LIBS   := component ipc thread lock rpc_raw_peer
