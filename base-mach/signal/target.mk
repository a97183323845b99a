# GNU Mach: core keeps the count, a context is core's port and a wake port
# of ours (doc/platform-mach.md, "Signals")
LIB   := signal
SRC_C := pool.c context.c handler.c receiver.c wait.c submit.c
LIBS  := ipc lock util
