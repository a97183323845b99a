TARGET := test-log
SRC_C  := main.c hex_range.c
LIBS   := component
