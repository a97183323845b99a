/*
 * \brief  Linux futex(2) and clock for the lock library
 *
 * Private futexes: locks are process-local, and the private variant lets
 * the kernel key the wait queue by address only, without pinning the page.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <base/internal/futex.h>

status_t
platform_futex_wait(uint32_t *word, uint32_t expected, uint64_t timeout_us)
{
	struct timespec ts, *tp = NULL;

	/* a relative timeout: the caller recomputes it after early returns */
	if (timeout_us != PLATFORM_FUTEX_FOREVER) {
		ts.tv_sec = (time_t)(timeout_us / 1000000u);
		ts.tv_nsec = (long)(timeout_us % 1000000u) * 1000;
		tp = &ts;
	}
	long r = syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, expected, tp, NULL, 0);

	/* EAGAIN (word changed) and EINTR are ordinary early returns */
	return (r == -1 && errno == ETIMEDOUT) ? STATUS_TIMEOUT : STATUS_OK;
}

void
platform_futex_wake(uint32_t *word, unsigned n)
{
	int count = n > (unsigned)INT_MAX ? INT_MAX : (int)n;
	syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, count, NULL, NULL, 0);
}

uint64_t
platform_time_us(void)
{
	/* served by the vDSO, so polling the clock costs no system call */
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}
