/*
 * \brief  Signal handlers: a context's wake port watched by an entrypoint
 */

#include <mach_gen/mach_port.h>
#include <signal_mach.h>

#include "signal_mach_lib.h"

/*
 * On the entrypoint's thread. The ACK goes before the handler runs, and
 * nothing of ctx is touched after it: it may dissolve its own context.
 */
static void
handler_wake(void *arg, mach_msg_header_t *h)
{
	struct signal_context *ctx = arg;
	unsigned num;

	if (!signal_mach_count_valid(h, SIGNAL_MACH_WAKE)) {
		mach_msg_destroy(h);
		return;
	}
	num = ((const struct signal_mach_count_msg *)h)->count;
	signal_ack(ctx);
	if (num > 0)
		ctx->fn(ctx->arg, num);
}

status_t
signal_handler_create(struct entrypoint *ep, signal_handler_fn fn, void *arg,
                      struct signal_context **out)
{
	struct signal_context *ctx;
	status_t st = signal_context_alloc(arg, &ctx);

	if (st != STATUS_OK)
		return st;
	ctx->fn = fn;
	ctx->arg = arg;
	if (entrypoint_port_watch(ep, ctx->wake, handler_wake, ctx, &ctx->watch) != STATUS_OK) {
		signal_context_free(ctx);
		return STATUS_OUT_OF_MEMORY;
	}
	signal_context_register(ctx);
	*out = ctx;
	return STATUS_OK;
}

signal_context_cap_t
signal_context_cap(const struct signal_context *ctx)
{
	return CAP_TYPED(signal_context_cap_t, ctx->cap);
}

void *
signal_context_imprint(const struct signal_context *ctx)
{
	return ctx->imprint;
}

/*
 * The wake port's end discards a WAKE still queued; core's end of the
 * context (through the backing) makes every copy a dead name, whose
 * submits the senders drop.
 */
void
signal_context_dissolve(struct signal_context *ctx)
{
	if (ctx->receiver)
		signal_receiver_detach(ctx->receiver, ctx);
	else
		entrypoint_port_unwatch(ctx->watch);
	signal_context_free(ctx);
}
