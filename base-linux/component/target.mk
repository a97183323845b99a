LIB   := component
SRC_C := startup.c dataspace.c env_heap.c local_rm_mmap.c env_upgrade.c signal_env.c \
         ../../base/thread_cpu/thread_cpu.c
LIBS  := sandbox process signal ipc thread log alloc util
