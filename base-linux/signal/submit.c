/*
 * \brief  Submitting a signal: one write to the context's eventfd
 *
 * A capability may come from anywhere, including a component that wants
 * to hurt us: a pipe it never reads would block a write, a socket would
 * take garbage. So a submit first makes sure the descriptor is an
 * eventfd. fstat costs more than the write itself, hence a per-thread
 * cache of descriptors found to be eventfds, keyed by selector and valid
 * only under the selector generation it was made with (see
 * base-linux/ipc/internal.h): closing a capability and getting another
 * one under the same number always checks again.
 */

#define _GNU_SOURCE
#include <errno.h>

#include <base/internal/lx_fd.h>

#include "../ipc/internal.h"
#include "signal_linux.h"

enum { KNOWN_SIZE = 64 };

struct known {
	long sel;
	uint32_t gen;
	bool used;
};

static _Thread_local struct known known[KNOWN_SIZE];

static bool
is_signal_context(long sel, int fd)
{
	struct known *k = &known[(unsigned long)sel % KNOWN_SIZE];
	uint32_t gen = cap_gen_get(sel);

	if (k->used && k->sel == sel && k->gen == gen)
		return true;
	/* the generation read before the check: a change meanwhile invalidates */
	if (!signal_fd_is_eventfd(fd))
		return false;
	*k = (struct known){.sel = sel, .gen = gen, .used = true};
	return true;
}

static void
forget(long sel)
{
	known[(unsigned long)sel % KNOWN_SIZE].used = false;
}

status_t
signal_submit(signal_context_cap_t cap, unsigned count)
{
	long sel = cap_raw(cap).sel;
	uint64_t v = count;
	long n;
	int fd;

	if (!cap_sel_fd(sel, &fd) || !is_signal_context(sel, fd))
		return STATUS_INVALID_CAP;
	if (count == 0)
		return STATUS_OK;
	do
		n = lx_write(fd, &v, sizeof(v));
	while (n < 0 && errno == EINTR);
	/*
	 * EAGAIN: the counter would pass its limit, 2^64 - 2. It holds more
	 * than 2^64 - 2 - count >= 2^64 - 2 - UINT_MAX then, which a delivery
	 * already reports as SIGNAL_COUNT_MAX: the count is saturated as it
	 * stands, and dropping this submit changes nothing a receiver can see.
	 */
	if (n == sizeof(v) || (n < 0 && errno == EAGAIN))
		return STATUS_OK;
	/* closed behind the cache's back, or an anonymous file but no eventfd */
	forget(sel);
	return STATUS_INVALID_CAP;
}
