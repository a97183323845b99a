LIB   := rom_server
SRC_C := object.c
LIBS  := dataspace
