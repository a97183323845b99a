/*
 * \brief  The Timer server's clock and alarm on Linux: a timerfd
 *
 * The alarm is a timerfd on CLOCK_MONOTONIC, set to absolute times, and
 * watched by the entrypoint beside its objects (ep_watch), so the expiry
 * is handled on the entrypoint's thread between RPC calls: one thread
 * serves every client and every deadline. A timerfd's expiry is exact
 * (no timer slack is added, unlike a sleep or an epoll timeout). The clock is the same
 * CLOCK_MONOTONIC, so deadlines and readings never disagree.
 */

#define _GNU_SOURCE
#include <stdlib.h>
#include <sys/timerfd.h> /* constants only */

#include <base/internal/lx_fd.h>
#include <base/internal/lx_poll.h>
#include <base/internal/lx_time.h>
#include <timer/platform.h>

#include "../ipc/ep_watch.h"
#include "timerfd_set.h"

struct timer_platform {
	int fd;
	uint64_t watch;
	struct entrypoint *ep;
	timer_platform_fn fn;
	void *arg;
};

/* on the entrypoint's thread: consume the expiry (level-triggered watch) */
static void
timer_platform_expired(void *arg)
{
	struct timer_platform *tp = arg;
	uint64_t expirations;

	/* non-blocking: a deadline replaced since the event leaves nothing to read */
	if (lx_read(tp->fd, &expirations, sizeof(expirations)) < 0)
		return;
	tp->fn(tp->arg);
}

status_t
timer_platform_create(struct entrypoint *ep, timer_platform_fn fn, void *arg,
                      struct timer_platform **out)
{
	struct timer_platform *tp = calloc(1, sizeof(*tp));

	if (!tp)
		return STATUS_OUT_OF_MEMORY;
	tp->fd = lx_timerfd_create(LX_CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	if (tp->fd < 0) {
		free(tp);
		return STATUS_OUT_OF_MEMORY;
	}
	tp->ep = ep;
	tp->fn = fn;
	tp->arg = arg;
	if (entrypoint_watch(ep, tp->fd, timer_platform_expired, tp, &tp->watch) != STATUS_OK) {
		lx_close(tp->fd);
		free(tp);
		return STATUS_OUT_OF_MEMORY;
	}
	*out = tp;
	return STATUS_OK;
}

void
timer_platform_destroy(struct timer_platform *tp)
{
	entrypoint_unwatch(tp->ep, tp->watch);
	lx_close(tp->fd);
	free(tp);
}

uint64_t
timer_platform_now_us(struct timer_platform *tp)
{
	(void)tp;
	return lx_monotonic_us();
}

void
timer_platform_program(struct timer_platform *tp, uint64_t deadline_us)
{
	timerfd_set_abs(tp->fd, deadline_us);
}
