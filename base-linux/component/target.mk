LIB   := component
SRC_C := startup.c dataspace.c
LIBS  := process ipc log util
