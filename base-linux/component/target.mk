LIB   := component
SRC_C := startup.c dataspace.c env_heap.c
LIBS  := process ipc log alloc util
