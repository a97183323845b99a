BENCH := bench-rpc
SRC_C := main.c ../../tests/unit/ipc/test_server.c ../../tests/unit/ipc/raw.c
LIBS  := ipc
