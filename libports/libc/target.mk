# The C runtime's dispatcher (doc/libc.md): the descriptor table, the
# plugin registry and the decoding of musl's file and socket system calls.
# Needs no environment, so the dispatcher fuzzer links it alone.
LIB   := libc_dispatch
SRC_C := dispatch.c file.c fcntl.c socket.c poll.c fd.c registry.c names.c
LIBS  := lock log util
CC_OPT := -D_GNU_SOURCE
