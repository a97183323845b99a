TARGET := bench-spawn-child
SRC_C  := main.c
LIBS   := component
