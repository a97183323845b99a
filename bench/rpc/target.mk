BENCH := bench-rpc
SRC_C := main.c measure.c baselines.c session.c \
         ../../tests/unit/ipc/test_server.c ../../tests/unit/ipc/raw.c
LIBS  := ipc
