LIB   := rpc
SRC_C := msg.c serve.c
LIBS  := util
