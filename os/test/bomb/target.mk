TARGET := bomb
SRC_C  := main.c params.c tree.c child_process.c cost.c
LIBS   := init_child signal xml
