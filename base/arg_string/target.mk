LIB   := arg_string
SRC_C := scan.c lookup.c edit.c
LIBS  := util
