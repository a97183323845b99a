FUZZ  := fuzz-rpc-slot
SRC_C := main.c
LIBS  := ipc rpc util lx_syscall
