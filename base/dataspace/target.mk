LIB   := dataspace
SRC_C := object.c
LIBS  := ipc
