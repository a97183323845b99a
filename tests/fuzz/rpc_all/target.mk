FUZZ  := fuzz-rpc-all
SRC_C := main.c
LIBS  := rpc util
