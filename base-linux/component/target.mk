# Linux: the process entry, dataspace and local-region-map mappings, and
# glibc's malloc kept inside the sandbox (malloc_arenas.c)
LIB   := component_platform
SRC_C := main.c dataspace.c local_rm_mmap.c local_rm_fault.c malloc_arenas.c \
         ../arch/$(ARCH)/fault_access.c
LIBS  := component_entry sandbox ipc log util lx_syscall
