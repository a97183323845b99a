LIB   := component
SRC_C := startup.c
LIBS  := log util
