/*
 * \brief  Linux futex(2) and clock for the lock library
 *
 * Private futexes: locks are process-local, and the private variant lets
 * the kernel key the wait queue by address only, without pinning the page.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stddef.h>

#include <base/internal/futex.h>
#include <base/internal/lx_time.h>

status_t
platform_futex_wait(uint32_t *word, uint32_t expected, uint64_t timeout_us)
{
	struct lx_timespec ts, *tp = NULL;

	/* a relative timeout: the caller recomputes it after early returns */
	if (timeout_us != PLATFORM_FUTEX_FOREVER) {
		ts.sec = (int64_t)(timeout_us / 1000000u);
		ts.nsec = (int64_t)(timeout_us % 1000000u) * 1000;
		tp = &ts;
	}
	int r = lx_futex_wait(word, expected, tp);

	/* EAGAIN (word changed) and EINTR are ordinary early returns */
	return (r == -1 && errno == ETIMEDOUT) ? STATUS_TIMEOUT : STATUS_OK;
}

void
platform_futex_wake(uint32_t *word, unsigned n)
{
	int count = n > (unsigned)INT_MAX ? INT_MAX : (int)n;
	lx_futex_wake(word, count);
}

uint64_t
platform_time_us(void)
{
	/*
	 * A system call, not the vDSO (lx_time.h): read per timed wait and
	 * per log line, each of which costs system calls anyway.
	 */
	return lx_monotonic_us();
}
