/*
 * \brief  The Linux platform's own system calls, without the C library
 *
 * A component may bring a C runtime whose system calls go to a plugin
 * dispatcher instead of the kernel (its file descriptors are virtual,
 * served by plugins). The framework's platform code is linked into that
 * component too; if it called the C library's read, close or sendmsg,
 * those would reach the dispatcher and be taken for the application's
 * own. So base-linux makes its system calls itself, through the lx_*
 * functions of these headers (one per concept: lx_fd.h, lx_socket.h,
 * lx_poll.h, lx_mem.h, lx_time.h, lx_process.h). They are internal to
 * base-linux: generic code never sees them (doc/porting.md).
 *
 * lx_syscall0..6 enter the kernel directly (base-linux/arch/<arch>/
 * lx_syscall.c: the syscall instruction on x86_64, int $0x80 on i386) and
 * return what the kernel returns: a result, or -errno in -4095..-1.
 *
 * The lx_* calls keep the C library's convention instead: -1 with errno
 * set on failure. The code that calls them was written against the C
 * library and checks errno (EINTR, EAGAIN, ...); keeping the convention
 * keeps those checks right. errno is the C library's thread-local
 * variable, which glibc and musl both provide; the framework's own
 * failures are reported there as its calls into the C library were.
 *
 * Types: only what the kernel defines. Where a C library's structure may
 * differ from the kernel's (stat, msghdr and cmsghdr on musl, timespec
 * on i386), the headers define the kernel's layout as lx_* types; the
 * constants (O_*, MSG_*, EPOLL*, ...) are the kernel's in every C
 * library and are taken from its headers. Calls whose number or
 * structures differ per architecture (mmap2, fcntl64, fstat64, the
 * 64-bit time calls of i386) are functions of base-linux/arch/<arch>/
 * lx_abi.c; the rest are inline here.
 */

#ifndef _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_SYSCALL_H_
#define _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_SYSCALL_H_

#include <errno.h>
#include <sys/syscall.h>

long lx_syscall0(long nr);
long lx_syscall1(long nr, long a1);
long lx_syscall2(long nr, long a1, long a2);
long lx_syscall3(long nr, long a1, long a2, long a3);
long lx_syscall4(long nr, long a1, long a2, long a3, long a4);
long lx_syscall5(long nr, long a1, long a2, long a3, long a4, long a5);
long lx_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

/* the kernel reports an error as -errno, never below -4095 */
static inline int
lx_failed(long r)
{
	return (unsigned long)r > -4096UL;
}

/* a kernel result in the C library's convention: -1 and errno on failure */
static inline long
lx_result(long r)
{
	if (lx_failed(r)) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

/* a pointer or integer argument as the register the kernel reads */
#define LX_ARG(x) ((long)(x))

#endif /* _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_SYSCALL_H_ */
