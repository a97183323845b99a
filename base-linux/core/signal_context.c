/*
 * \brief  core's signal contexts on Linux: eventfds, told apart by kcmp
 *
 * All eventfds share one anonymous inode, so fstat cannot tell whether a
 * descriptor a client hands back is one of core's contexts; kcmp compares
 * the open files themselves. core is the only process that creates
 * eventfds (components are not allowed to, doc/sandbox.md).
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/kcmp.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
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

bool
platform_signal_context_same(cap_t a, cap_t b)
{
	pid_t self = getpid();
	if (a.sel < 0 || b.sel < 0)
		return false;
	return syscall(SYS_kcmp, self, self, KCMP_FILE, (int)a.sel, (int)b.sel) == 0;
}

/*
 * The file's flags are shared with every client holding a copy, and one
 * may have cleared O_NONBLOCK to make core block on a full counter: set it
 * again right before the write. A client that clears it between the two
 * calls and has filled the counter to its limit could still make the write
 * wait; that takes winning a race on every try (see doc/signals.md).
 */
status_t
platform_signal_submit(cap_t ctx, uint32_t count)
{
	uint64_t v = count;
	ssize_t n;
	if (count == 0)
		return STATUS_OK;
	(void)fcntl((int)ctx.sel, F_SETFL, O_NONBLOCK);
	do
		n = write((int)ctx.sel, &v, sizeof(v));
	while (n < 0 && errno == EINTR);
	if (n == sizeof(v))
		return STATUS_OK;
	return n < 0 && errno == EAGAIN ? STATUS_WOULD_BLOCK : STATUS_INVALID_CAP;
}
