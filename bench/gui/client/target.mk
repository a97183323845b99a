TARGET := bench-gui-client
SRC_C  := main.c memory.c frames.c
LIBS   := component bench_measure
