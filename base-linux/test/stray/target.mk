TARGET := test-stray
SRC_C  := main.c
LIBS   := component
