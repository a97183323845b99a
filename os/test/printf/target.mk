TARGET := test-printf
SRC_C  := main.c
LIBS   := component
