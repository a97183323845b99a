TARGET := test-ds_ownership
SRC_C  := main.c
LIBS   := component
