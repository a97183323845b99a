# the platform's own system calls (lx_syscall.h) against the C library's
UNIT_TEST := test-lx-syscall
SRC_C     := fd.c socket.c time.c
LIBS      := lx_syscall harness
