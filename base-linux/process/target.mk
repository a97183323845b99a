LIB   := process
SRC_C := ../../base/process/process.c serve.c
LIBS  := signal ipc log util
