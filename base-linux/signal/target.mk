LIB   := signal
SRC_C := eventfd.c submit.c receiver.c context.c
LIBS  := ipc lock util lx_syscall
