BENCH := bench-spawn
SRC_C := main.c
LIBS  := bench_measure
