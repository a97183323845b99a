LIB   := component
SRC_C := startup.c dataspace.c env_heap.c local_rm_mmap.c env_upgrade.c signal_env.c malloc_arenas.c
LIBS  := sandbox process signal ipc log alloc util
