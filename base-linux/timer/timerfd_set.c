/*
 * \brief  Setting a timerfd to an absolute time of CLOCK_MONOTONIC
 */

#define _GNU_SOURCE
#include <sys/timerfd.h> /* constants only */

#include <base/internal/lx_poll.h>
#include <timer/platform.h>

#include "timerfd_set.h"

void
timerfd_set_abs(int fd, uint64_t deadline_us)
{
	struct lx_itimerspec its = {{0, 0}, {0, 0}};

	if (deadline_us != TIMER_PLATFORM_NEVER) {
		/* an all-zero value would disarm: a past deadline becomes 1 ns */
		its.value.sec = (int64_t)(deadline_us / 1000000u);
		its.value.nsec = (int64_t)(deadline_us % 1000000u) * 1000;
		if (its.value.sec == 0 && its.value.nsec == 0)
			its.value.nsec = 1;
	}
	(void)lx_timerfd_settime(fd, TFD_TIMER_ABSTIME, &its);
}
