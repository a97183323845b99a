TARGET := test-log
SRC_C  := main.c
LIBS   := component
