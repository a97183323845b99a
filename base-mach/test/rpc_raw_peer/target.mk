LIB   := rpc_raw_peer
SRC_C := raw_peer.c raw_peer_reply.c raw_peer_count.c
LIBS  := ipc
