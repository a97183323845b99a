LIB   := process
SRC_C := process.c serve.c
LIBS  := signal ipc log util
