LIB   := component
SRC_C := startup.c dataspace.c env_heap.c parent_death.c
LIBS  := sandbox process ipc log alloc util
