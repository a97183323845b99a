/*
 * \brief  The kernel-timed wake-up of a Timer session on Linux: a timerfd
 *
 * The server makes one blocking timerfd per session and hands the client
 * a copy; wake_arm sets it to the absolute deadline (timerfd_settime also
 * drops an expiry nobody read), and the client blocks in read() on its
 * copy until the kernel's timer fires. So every sleeper is woken by the
 * kernel on its own CPU, with no timer slack, and the server's thread
 * only takes the arming call. A client can do no more with its copy than
 * with a timerfd of its own (the sandbox lets every component make one):
 * read it early, or set it, which only changes its own wake-up.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <sys/timerfd.h> /* constants only */

#include <base/internal/lx_fd.h>
#include <base/internal/lx_poll.h>
#include <base/internal/lx_time.h>
#include <timer/platform.h>
#include <timer_session/sleep.h>

#include "../ipc/internal.h"
#include "timerfd_set.h"

status_t
timer_platform_wake_create(struct timer_platform *tp, cap_t *out)
{
	(void)tp;
	/* blocking: the client's read is its whole wait */
	int fd = lx_timerfd_create(LX_CLOCK_MONOTONIC, TFD_CLOEXEC);

	if (fd < 0)
		return STATUS_OUT_OF_MEMORY;
	cap_gen_bump(fd);
	*out = (cap_t){fd};
	return STATUS_OK;
}

void
timer_platform_wake_arm(struct timer_platform *tp, cap_t wake, uint64_t deadline_us)
{
	(void)tp;
	timerfd_set_abs((int)wake.sel, deadline_us);
}

/*
 * A server may hand out any descriptor. One that is non-blocking is waited
 * for with poll; one that ends (EOF) or refuses the read is no wake-up.
 */
status_t
timer_wake_wait(timer_wake_cap_t wake)
{
	uint64_t expirations;
	int fd;

	if (!cap_sel_fd(cap_raw(wake).sel, &fd))
		return STATUS_INVALID_CAP;
	for (;;) {
		long n = lx_read(fd, &expirations, sizeof(expirations));

		if (n == sizeof(expirations))
			return STATUS_OK;
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN) {
			struct pollfd p = {.fd = fd, .events = POLLIN};
			if (lx_poll(&p, 1, -1) < 0 && errno != EINTR)
				return STATUS_INVALID_CAP;
			continue;
		}
		return STATUS_INVALID_CAP;
	}
}

/* the server's clock (timerfd.c): CLOCK_MONOTONIC, one for the machine */
uint64_t
timer_wake_now_us(void)
{
	return lx_monotonic_us();
}
