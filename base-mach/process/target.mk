# GNU Mach: the main loop (receive on the entrypoint's port set)
LIB   := process_platform
SRC_C := serve.c
LIBS  := ipc
