TARGET := test-escape
SRC_C  := main.c
LIBS   := component
