LIB   := process
SRC_C := process.c stray.c serve.c
LIBS  := ipc log util
