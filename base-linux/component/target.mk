LIB   := component
SRC_C := startup.c
LIBS  := process log util
