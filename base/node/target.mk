LIB   := node
SRC_C := tree.c node.c value.c attribute.c escape.c error.c
LIBS  := util
