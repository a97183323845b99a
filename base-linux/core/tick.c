/*
 * \brief  A periodic call on core's entrypoint: a timerfd it watches
 *
 * Like the accounting report (report_request.c), the call runs on the
 * entrypoint's thread between the calls it serves, so it touches the
 * services' state without locks.
 */

#define _GNU_SOURCE
#include <stdint.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "../ipc/ep_watch.h"
#include "platform.h"

static void (*tick_fn)(void);
static int tick_fd = -1;

static void
tick_expired(void *arg)
{
	(void)arg;
	uint64_t expirations;
	/* however many intervals passed, one call catches up with all of them */
	if (read(tick_fd, &expirations, sizeof(expirations)) == (ssize_t)sizeof(expirations))
		tick_fn();
}

status_t
platform_tick_watch(struct entrypoint *ep, void (*tick)(void), unsigned interval_ms)
{
	uint64_t id;
	struct timespec every = {(time_t)(interval_ms / 1000u),
	                         (long)(interval_ms % 1000u) * 1000000L};
	struct itimerspec spec = {every, every};
	tick_fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	if (tick_fd < 0)
		return STATUS_OUT_OF_MEMORY;
	if (timerfd_settime(tick_fd, 0, &spec, 0) != 0) {
		close(tick_fd);
		tick_fd = -1;
		return STATUS_OUT_OF_MEMORY;
	}
	tick_fn = tick;
	return entrypoint_watch(ep, tick_fd, tick_expired, 0, &id);
}
