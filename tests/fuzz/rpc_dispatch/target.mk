FUZZ  := fuzz-rpc-dispatch
SRC_C := main.c
LIBS  := fuzz_rpc_input rpc util
