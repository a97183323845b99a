# Linux: futex(2) and CLOCK_MONOTONIC, as system calls of its own
LIB   := lock_platform
SRC_C := futex.c
LIBS  := lx_syscall
