TARGET := init
SRC_C  := main.c
LIBS   := init_child
