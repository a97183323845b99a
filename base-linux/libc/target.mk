# Linux's part of the C runtime (doc/libc.md, doc/porting.md): musl's
# process-internal calls, made directly
LIB   := libc_platform
SRC_C := platform.c
LIBS  := lx_syscall
CC_OPT := -D_GNU_SOURCE
