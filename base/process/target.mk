# children through core's PD service; the main loop is the platform's
LIB   := process
SRC_C := process.c
LIBS  := process_platform signal ipc log util
