FUZZ  := fuzz-rpc-dispatch
SRC_C := main.c
LIBS  := rpc util
