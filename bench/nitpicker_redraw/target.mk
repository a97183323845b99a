BENCH := bench-nitpicker_redraw
SRC_C := main.c
LIBS  := bench_measure nitpicker_core
