LIB   := component
SRC_C := ../../base/component/startup.c dataspace.c ../../base/component/env_heap.c local_rm_mmap.c \
         ../../base/component/env_upgrade.c ../../base/component/signal_env.c
LIBS  := sandbox process signal ipc log alloc util
