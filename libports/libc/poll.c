/*
 * \brief  C runtime: poll over plugin descriptors
 *
 * Plugins say what is ready now (poll_ready); nothing wakes a waiting
 * poll, so it looks again after each pause the time plugin gives
 * (libc_clock), until something is ready or the timeout has passed.
 * Enough for the servers of the examples; not a scalable event loop.
 */

#include <errno.h>
#include <poll.h>

#include "file.h"

static struct libc_clock clock_hooks;

void
libc_clock_set(const struct libc_clock *c)
{
	clock_hooks = *c;
}

static int
poll_once(struct pollfd *fds, unsigned long count)
{
	int ready = 0;
	for (unsigned long i = 0; i < count; i++) {
		struct libc_open *o;
		fds[i].revents = 0;
		if (fds[i].fd < 0)
			continue;
		if (libc_fd_get(fds[i].fd, &o) < 0) {
			fds[i].revents = POLLNVAL;
		} else {
			short asked = fds[i].events | POLLERR | POLLHUP;
			/* a file without readiness is always ready, as regular files are */
			fds[i].revents = o->plugin->poll_ready
			                         ? o->plugin->poll_ready(o->file, asked)
			                         : (short)(asked & (POLLIN | POLLOUT));
			libc_fd_put(o);
		}
		ready += fds[i].revents != 0;
	}
	return ready;
}

long
libc_poll(struct pollfd *fds, unsigned long count, int timeout_ms)
{
	if (count > LIBC_FD_MAX)
		return -EINVAL;
	uint64_t start = clock_hooks.now_ms ? clock_hooks.now_ms() : 0;
	for (;;) {
		int ready = poll_once(fds, count);
		if (ready || timeout_ms == 0 || !clock_hooks.now_ms)
			return ready;
		if (timeout_ms > 0 && clock_hooks.now_ms() - start >= (uint64_t)timeout_ms)
			return 0;
		clock_hooks.pause();
	}
}
