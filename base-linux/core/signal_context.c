/*
 * \brief  core's signal contexts on Linux: eventfds, told apart by kcmp
 *
 * An eventfd's counter is the count core keeps of the context (its
 * contract, doc/signals.md): core made the eventfd and keeps a copy, a
 * write adds (what a submit does), a read takes all and leaves 0 (the
 * fetch), and epoll reports it readable exactly while the count is not 0
 * (the wake-up). Components submit by writing it themselves, without an
 * RPC to core: the fast path.
 *
 * All eventfds share one anonymous inode, so fstat cannot tell whether a
 * descriptor a client hands back is one of core's contexts; kcmp compares
 * (and orders) the open files themselves. core is the only process that creates
 * eventfds (components are not allowed to, doc/sandbox.md).
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/kcmp.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "platform.h"

status_t
platform_signal_context_alloc(cap_t *ctx)
{
	int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (fd < 0)
		return STATUS_OUT_OF_MEMORY;
	*ctx = (cap_t){fd};
	return STATUS_OK;
}

/* the eventfd stays alive in the clients' copies, where nobody reads it */
void
platform_signal_context_free(cap_t ctx)
{
	cap_close(ctx);
}

/*
 * kcmp orders the open files by their (obfuscated) kernel addresses: a
 * total order that holds while both stay open, so core can keep its
 * contexts in a search tree and find one in log n calls instead of one
 * call per context. A descriptor kcmp cannot compare (closed, or the
 * answer 3, "no order") sorts after every context and so matches none.
 */
int
platform_signal_context_compare(cap_t a, cap_t b)
{
	pid_t self = getpid();
	if (a.sel < 0 || b.sel < 0)
		return a.sel < 0 ? (b.sel < 0 ? 0 : 1) : -1;
	long r = syscall(SYS_kcmp, self, self, KCMP_FILE, (int)a.sel, (int)b.sel);
	return r == 0 ? 0 : r == 1 ? -1 : 1;
}

/*
 * The file's flags are shared with every client holding a copy. The
 * sandbox refuses clearing O_NONBLOCK (doc/signals.md); setting it again
 * right before the write keeps core from blocking on a full counter even
 * where that rule is missing.
 * EAGAIN means the counter holds more than 2^64 - 2 - n >= SIGNAL_COUNT_MAX
 * already, which a receiver sees as saturated: nothing is lost to it.
 */
static void
eventfd_add(int fd, uint64_t n)
{
	ssize_t w;

	if (n == 0)
		return;
	(void)fcntl(fd, F_SETFL, O_NONBLOCK);
	do
		w = write(fd, &n, sizeof(n));
	while (w < 0 && errno == EINTR);
}

/*
 * The eventfd's counter is the count the receiver takes, and components
 * add to it directly (the fast path of doc/signals.md): core's count goes
 * over into it, which makes the eventfd readable for the receiver's epoll.
 */
void
platform_signal_wake(cap_t ctx, struct signal_count *count)
{
	eventfd_add((int)ctx.sel, signal_count_take(count));
}

/* as the receiver does (base-linux/signal/eventfd.c), without ever blocking */
unsigned
platform_signal_take(cap_t ctx, struct signal_count *count)
{
	uint64_t v = 0;
	struct iovec io = {&v, sizeof(v)};
	ssize_t n;

	(void)signal_count_take(count); /* always 0: platform_signal_wake took it */
	do
		n = preadv2((int)ctx.sel, &io, 1, -1, RWF_NOWAIT);
	while (n < 0 && errno == EINTR);
	if (n < 0 && errno == EOPNOTSUPP) {
		(void)fcntl((int)ctx.sel, F_SETFL, O_NONBLOCK);
		n = read((int)ctx.sel, &v, sizeof(v));
	}
	return n == sizeof(v) ? signal_count_num(v) : 0;
}
