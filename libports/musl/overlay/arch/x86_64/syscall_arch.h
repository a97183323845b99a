/*
 * Genode/C: musl's system-call layer, x86_64 (replaces upstream's header).
 *
 * Every system call musl makes from C goes through these inlines. Instead
 * of entering the kernel they call the plugin dispatcher of our C runtime
 * (libports/libc, doc/libc.md), which serves the call from a plugin, from
 * the platform, or answers it with an error. There are no vDSO defines on
 * purpose: with them clock_gettime would bypass the dispatcher.
 */

#define __SYSCALL_LL_E(x) (x)
#define __SYSCALL_LL_O(x) (x)

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

#define IPC_64 0
