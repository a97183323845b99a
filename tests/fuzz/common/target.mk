LIB   := fuzz_rpc_input
SRC_C := rpc_input.c
LIBS  := rpc
