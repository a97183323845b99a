LIB   := avl
SRC_C := avl.c avl_check.c
