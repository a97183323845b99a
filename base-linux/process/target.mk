# Linux: the main loop (poll on the entrypoint's descriptor)
LIB   := process_platform
SRC_C := serve.c
LIBS  := ipc
