# Linux: the platform's own system calls, without the C library
# (base-linux/include/base/internal/lx_syscall.h); entry and
# architecture-bound calls per architecture
LIB   := lx_syscall
SRC_C := ../arch/$(ARCH)/lx_syscall.c ../arch/$(ARCH)/lx_abi.c
