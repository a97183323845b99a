# Linux: the process entry, dataspace and local-region-map mappings
LIB   := component_platform
SRC_C := main.c dataspace.c local_rm_mmap.c
LIBS  := sandbox ipc log util
