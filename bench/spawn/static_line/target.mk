TARGET := bench-spawn-static-line
SRC_C  := main.c
LD_OPT := -static
