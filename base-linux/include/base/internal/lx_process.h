/*
 * \brief  The own process and thread without the C library
 *
 * Conventions: lx_syscall.h. Signal dispositions (sigaction, signal,
 * sigaltstack) stay with the C library, which owns the return trampoline
 * and its own reserved signals; what is here only names or ends the own
 * process and threads.
 */

#ifndef _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_PROCESS_H_
#define _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_PROCESS_H_

#include <stdint.h>

#include <base/internal/lx_syscall.h>

/* the kernel's struct rlimit64, the same on every architecture */
struct lx_rlimit {
	uint64_t cur;
	uint64_t max;
};

enum { LX_RLIMIT_NOFILE = 7 };

/* the kernel's signal set on x86 (64 signals), and how a mask changes */
typedef uint64_t lx_sigset_t;
enum { LX_SIG_BLOCK = 0, LX_SIG_UNBLOCK = 1, LX_SIG_SETMASK = 2 };

static inline int
lx_getpid(void)
{
	return (int)lx_syscall0(SYS_getpid); /* never fails */
}

static inline int
lx_gettid(void)
{
	return (int)lx_syscall0(SYS_gettid); /* never fails */
}

/* send sig to the calling thread, as raise() does */
static inline int
lx_raise(int sig)
{
	return (int)lx_result(lx_syscall3(SYS_tgkill, lx_getpid(), lx_gettid(), sig));
}

static inline int
lx_sigprocmask(int how, const lx_sigset_t *set, lx_sigset_t *old)
{
	return (int)lx_result(lx_syscall4(SYS_rt_sigprocmask, how, LX_ARG(set), LX_ARG(old),
	                                  (long)sizeof(lx_sigset_t)));
}

static inline lx_sigset_t
lx_sigset_of(int sig)
{
	return (lx_sigset_t)1 << (sig - 1);
}

static inline int
lx_prctl(int option, unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5)
{
	return (int)lx_result(
	        lx_syscall5(SYS_prctl, option, LX_ARG(a2), LX_ARG(a3), LX_ARG(a4), LX_ARG(a5)));
}

/* get or set (either may be NULL) a resource limit of the own process */
static inline int
lx_prlimit(int resource, const struct lx_rlimit *set, struct lx_rlimit *old)
{
	return (int)lx_result(lx_syscall4(SYS_prlimit64, 0, resource, LX_ARG(set), LX_ARG(old)));
}

/* end the process, every thread of it, without the C library's exit handlers */
static inline _Noreturn void
lx_exit_group(int status)
{
	for (;;)
		lx_syscall1(SYS_exit_group, status);
}

/*
 * 0 if the descriptors a and b of this process are one open file (kcmp's
 * KCMP_FILE, 0), else the kernel's order (1, 2, 3) or -1 with errno set
 */
static inline long
lx_kcmp_file(int a, int b)
{
	int self = lx_getpid();
	return lx_result(lx_syscall5(SYS_kcmp, self, self, 0, a, b));
}

#endif /* _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_PROCESS_H_ */
