LIB   := process
SRC_C := process.c relay.c serve.c
LIBS  := log util
