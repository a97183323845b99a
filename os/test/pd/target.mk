TARGET := test-pd
SRC_C  := main.c
LIBS   := component
