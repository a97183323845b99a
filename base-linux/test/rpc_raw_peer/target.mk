LIB   := rpc_raw_peer
SRC_C := raw_peer.c
LIBS  := ipc
