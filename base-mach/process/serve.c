/*
 * \brief  The main loop of a component on GNU Mach
 *
 * Everything a component waits for (RPC calls, signals, among them the
 * ends of its children that core reports) arrives at its entrypoint's
 * port set, so the loop only lets the entrypoint receive and dispatch;
 * handlers never run concurrently.
 */

#include <base/entrypoint.h>
#include <base/process.h>

void
process_serve(struct entrypoint *ep, bool (*done)(void *ctx), void *ctx)
{
	if (!ep)
		return;
	while (!done || !done(ctx))
		if (entrypoint_wait_and_dispatch_one(ep) != STATUS_OK)
			return;
}
