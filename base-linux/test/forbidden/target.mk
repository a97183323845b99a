TARGET := test-forbidden
SRC_C  := main.c
LIBS   := component
