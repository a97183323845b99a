LIB   := signal
SRC_C := eventfd.c page.c submit.c receiver.c context.c
LIBS  := ipc lock util lx_syscall
