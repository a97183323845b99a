BENCH := bench-signal
SRC_C := main.c peers.c ../../tests/unit/ipc/raw.c
LIBS  := bench_measure signal ipc
