TARGET := test-hostile_escape
SRC_C  := main.c
LIBS   := component
