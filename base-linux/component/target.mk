LIB   := component
SRC_C := startup.c dataspace.c env_heap.c local_rm_mmap.c env_upgrade.c
LIBS  := sandbox process ipc log alloc util
