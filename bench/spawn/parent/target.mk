TARGET := bench-spawn-parent
SRC_C  := main.c
LIBS   := component bench_measure
