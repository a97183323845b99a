/*
 * \brief  Clock and futex without the C library
 *
 * Conventions: lx_syscall.h. The clock is read by a system call, not
 * through the vDSO: a C runtime's time plugin must not see (or serve)
 * the framework's clock. Times are the kernel's 64-bit timespec on every
 * architecture; i386 makes the 64-bit-time calls (clock_gettime64,
 * futex_time64) and falls back to the 32-bit ones on kernels before
 * 5.1: base-linux/arch/<arch>/lx_abi.c.
 */

#ifndef _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_TIME_H_
#define _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_TIME_H_

#include <stdint.h>

#include <base/internal/lx_syscall.h>
#include <base/internal/lx_sysnr.h>

/* the kernel's __kernel_timespec */
struct lx_timespec {
	int64_t sec;
	int64_t nsec;
};

#define LX_CLOCK_MONOTONIC 1

/* the kernel's futex operations, private to the process */
enum {
	LX_FUTEX_WAIT_PRIVATE = 0 | 128,
	LX_FUTEX_WAKE_PRIVATE = 1 | 128,
	/* on memory shared with another process (an RPC slot): keyed by file page */
	LX_FUTEX_WAIT_SHARED = 0,
	LX_FUTEX_WAKE_SHARED = 1,
};

int lx_clock_gettime(int clock, struct lx_timespec *ts);

/* sleep while *word == expected, at most rel (NULL: no limit) */
int lx_futex_wait(uint32_t *word, uint32_t expected, const struct lx_timespec *rel);

/* the same on a word of a shared mapping, where waker and waiter are different processes */
int lx_futex_wait_shared(uint32_t *word, uint32_t expected, const struct lx_timespec *rel);

/* wake at most count waiters of a shared word; how many woke, or -1 */
static inline int
lx_futex_wake_shared(uint32_t *word, int count)
{
	return (int)lx_result(lx_syscall3(SYS_futex, LX_ARG(word), LX_FUTEX_WAKE_SHARED, count));
}

static inline int
lx_futex_wake(uint32_t *word, int count)
{
	return (int)lx_result(lx_syscall3(SYS_futex, LX_ARG(word), LX_FUTEX_WAKE_PRIVATE, count));
}

/* one word of a futex_waitv: the kernel's struct futex_waitv */
struct lx_futex_waiter {
	uint64_t val;
	uint64_t uaddr;
	uint32_t flags;
	uint32_t reserved;
};

enum {
	LX_FUTEX2_SIZE_U32 = 0x02,
	LX_FUTEX2_PRIVATE = 128,
};

/*
 * Sleep until one of n words (each with its own expected value, size and
 * private flag) is woken, without a timeout: the index of the woken one,
 * or -1 with errno (EAGAIN: a word had changed already; ENOSYS before
 * Linux 5.16).
 */
static inline int
lx_futex_waitv(struct lx_futex_waiter *w, unsigned n)
{
	return (int)lx_result(lx_syscall5(SYS_futex_waitv, LX_ARG(w), (long)n, 0, 0, 0));
}

/* give the CPU to another runnable thread, if there is one */
static inline int
lx_sched_yield(void)
{
	return (int)lx_result(lx_syscall0(SYS_sched_yield));
}

/* CLOCK_MONOTONIC in microseconds */
static inline uint64_t
lx_monotonic_us(void)
{
	struct lx_timespec ts = {0, 0};

	lx_clock_gettime(LX_CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.sec * 1000000u + (uint64_t)ts.nsec / 1000u;
}

#endif /* _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_TIME_H_ */
