/*
 * \brief  The main loop of a component on Linux
 *
 * Everything a component waits for (RPC calls, signals, among them the
 * ends of its children that core reports) arrives at its entrypoint, so
 * the loop only waits for the entrypoint's descriptor and lets it
 * dispatch; handlers never run concurrently.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>

#include <base/entrypoint_linux.h>
#include <base/process.h>

void
process_serve(struct entrypoint *ep, bool (*done)(void *ctx), void *ctx)
{
	if (!ep)
		return;
	struct pollfd fd = {.fd = entrypoint_linux_fd(ep), .events = POLLIN};
	while (!done || !done(ctx)) {
		if (poll(&fd, 1, -1) < 0 && errno != EINTR)
			return;
		entrypoint_linux_dispatch_ready(ep);
	}
}
