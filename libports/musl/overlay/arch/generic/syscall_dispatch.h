/*
 * Genode/C: musl's system calls, for every architecture: each inline
 * __syscallN calls the plugin dispatcher of our C runtime (libports/libc,
 * doc/libc.md) instead of entering the kernel. Included by the
 * architecture's syscall_arch.h, which adds its own definitions.
 */

long libc_syscall_dispatch(long, long, long, long, long, long, long);

static __inline long
__syscall0(long n)
{
	return libc_syscall_dispatch(n, 0, 0, 0, 0, 0, 0);
}

static __inline long
__syscall1(long n, long a1)
{
	return libc_syscall_dispatch(n, a1, 0, 0, 0, 0, 0);
}

static __inline long
__syscall2(long n, long a1, long a2)
{
	return libc_syscall_dispatch(n, a1, a2, 0, 0, 0, 0);
}

static __inline long
__syscall3(long n, long a1, long a2, long a3)
{
	return libc_syscall_dispatch(n, a1, a2, a3, 0, 0, 0);
}

static __inline long
__syscall4(long n, long a1, long a2, long a3, long a4)
{
	return libc_syscall_dispatch(n, a1, a2, a3, a4, 0, 0);
}

static __inline long
__syscall5(long n, long a1, long a2, long a3, long a4, long a5)
{
	return libc_syscall_dispatch(n, a1, a2, a3, a4, a5, 0);
}

static __inline long
__syscall6(long n, long a1, long a2, long a3, long a4, long a5, long a6)
{
	return libc_syscall_dispatch(n, a1, a2, a3, a4, a5, a6);
}
