BENCH := bench-root_lookup
SRC_C := main.c
LIBS  := bench_measure root_component
