BENCH := bench-rpc
SRC_C := main.c baselines.c session.c confined.c \
         ../../tests/unit/ipc/test_server.c ../../tests/unit/ipc/raw.c
LIBS  := bench_measure ipc sandbox
