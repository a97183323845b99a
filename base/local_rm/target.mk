LIB   := local_rm
SRC_C := local_rm.c
LIBS  := component ipc lock util
