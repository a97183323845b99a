/*
 * \brief  C runtime on Linux: the process-internal calls of musl
 *
 * What musl's own machinery asks of the kernel (libc-plugin/platform.h):
 * futexes, thread exit, signal masks and handlers, thread IDs, and,
 * while the framework starts before the environment exists, anonymous
 * memory and the clock. These are made directly, as the sandbox's
 * component policy allows them (base-linux/sandbox/rules.c); anything
 * else is not the platform's, so the runtime answers it, and no call a
 * program makes through libc reaches a filter that would kill it.
 * Signals go to the own process only: kill of another process is refused.
 */

#include <errno.h>
#include <stdbool.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#include <base/internal/lx_syscall.h>
#include <libc-plugin/platform.h>

static bool
passed_through(long nr, long a, long c, long d)
{
	switch (nr) {
	case SYS_futex:
	case SYS_exit:
	case SYS_exit_group:
	case SYS_rt_sigprocmask:
	case SYS_rt_sigaction:
	case SYS_sigaltstack:
	case SYS_gettid:
	case SYS_getpid:
	case SYS_sched_yield:
	case SYS_set_robust_list:
	case SYS_getrandom:
	case SYS_munmap:
#ifdef SYS_clock_gettime64 /* i386: musl's 64-bit time calls */
	case SYS_clock_gettime64:
	case SYS_futex_time64:
#else
	case SYS_clock_gettime:
#endif
	case SYS_set_tid_address:
		return true; /* musl's start, before the sandbox tightens */
	case SYS_tkill:
		return true; /* a thread of ours: pthread_kill, raise */
	case SYS_prctl:
		return a == PR_SET_NAME; /* a thread's name (pthread_setname_np) */
#ifdef SYS_mmap2
	case SYS_mmap2:
#endif
	case SYS_mmap:
		return !(c & PROT_EXEC) && (d & MAP_ANONYMOUS);
	case SYS_mprotect:
		return !(c & PROT_EXEC);
	default:
		return false;
	}
}

long
libc_platform_syscall(long nr, long a, long b, long c, long d, long e, long f, bool *served)
{
	*served = passed_through(nr, a, c, d);
	if (!*served)
		return -ENOSYS;
	return lx_syscall6(nr, a, b, c, d, e, f);
}
