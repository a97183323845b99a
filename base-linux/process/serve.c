/*
 * \brief  The main loop of a component on Linux
 *
 * Everything a component waits for (RPC calls, signals, among them the
 * ends of its children that core reports) arrives at its entrypoint, so
 * the loop only waits for the entrypoint's descriptor and lets it
 * dispatch; handlers never run concurrently.
 */

#define _GNU_SOURCE
#include <base/entrypoint_linux.h>
#include <base/process.h>

void
process_serve(struct entrypoint *ep, bool (*done)(void *ctx), void *ctx)
{
	if (!ep)
		return;
	while (!done || !done(ctx))
		if (entrypoint_linux_wait_dispatch(ep) != STATUS_OK)
			return;
}
