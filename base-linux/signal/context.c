/*
 * \brief  Signal contexts: created at a receiver or at an entrypoint
 */

#define _GNU_SOURCE
#include <stdlib.h>

#include <base/signal_backing.h>

#include "../ipc/ep_watch.h"
#include "../ipc/internal.h"
#include "signal_linux.h"

static const struct signal_backing *backing;

void
signal_backing_set(const struct signal_backing *b)
{
	__atomic_store_n(&backing, b, __ATOMIC_RELEASE);
}

static status_t
direct_alloc(void *arg, void *imprint, cap_t *ctx)
{
	(void)arg;
	(void)imprint;
	int fd = signal_eventfd_create();
	if (fd < 0)
		return STATUS_OUT_OF_MEMORY;
	*ctx = (cap_t){fd};
	return STATUS_OK;
}

static void
direct_release(void *arg, cap_t ctx)
{
	(void)arg;
	cap_close(ctx);
}

const struct signal_backing signal_backing_direct = {direct_alloc, direct_release, 0};

/* a context with a fresh eventfd from the backing, attached to nothing yet */
static status_t
context_alloc(void *imprint, struct signal_context **out)
{
	const struct signal_backing *b = __atomic_load_n(&backing, __ATOMIC_ACQUIRE);
	struct signal_context *ctx;
	cap_t fd;
	status_t st;

	if (!b)
		return STATUS_UNAVAILABLE;
	ctx = calloc(1, sizeof(*ctx));
	if (!ctx)
		return STATUS_OUT_OF_MEMORY;
	st = b->alloc(b->arg, imprint, &fd);
	if (st != STATUS_OK) {
		free(ctx);
		return st;
	}
	ctx->fd = (int)fd.sel;
	ctx->backing = b;
	/* a capability appears under this number (see cap_gen_get) */
	cap_gen_bump(ctx->fd);
	ctx->imprint = imprint;
	*out = ctx;
	return STATUS_OK;
}

static void
context_free(struct signal_context *ctx)
{
	ctx->backing->release(ctx->backing->arg, (cap_t){ctx->fd});
	free(ctx);
}

status_t
signal_context_create(struct signal_receiver *r, void *imprint, struct signal_context **out)
{
	struct signal_context *ctx;
	status_t st = context_alloc(imprint, &ctx);

	if (st != STATUS_OK)
		return st;
	if (signal_receiver_attach(r, ctx) != STATUS_OK) {
		context_free(ctx);
		return STATUS_OUT_OF_MEMORY;
	}
	*out = ctx;
	return STATUS_OK;
}

/*
 * On the entrypoint's thread. Nothing of ctx is touched after the handler
 * ran: it may have dissolved its own context.
 */
static void
handler_ready(void *arg)
{
	struct signal_context *ctx = arg;
	unsigned num = signal_eventfd_take(ctx->fd);

	if (num > 0)
		ctx->fn(ctx->arg, num);
}

status_t
signal_handler_create(struct entrypoint *ep, signal_handler_fn fn, void *arg,
                      struct signal_context **out)
{
	struct signal_context *ctx;
	status_t st = context_alloc(arg, &ctx);

	if (st != STATUS_OK)
		return st;
	ctx->ep = ep;
	ctx->fn = fn;
	ctx->arg = arg;
	if (entrypoint_watch(ep, ctx->fd, handler_ready, ctx, &ctx->watch) != STATUS_OK) {
		context_free(ctx);
		return STATUS_OUT_OF_MEMORY;
	}
	*out = ctx;
	return STATUS_OK;
}

signal_context_cap_t
signal_context_cap(const struct signal_context *ctx)
{
	return CAP_TYPED(signal_context_cap_t, ((cap_t){ctx->fd}));
}

void *
signal_context_imprint(const struct signal_context *ctx)
{
	return ctx->imprint;
}

/*
 * Once the receiving side stopped watching and closed its descriptor,
 * copies of the capability elsewhere still reach the eventfd, but nobody
 * reads it: their submits add to a counter that is dropped with the last
 * copy.
 */
void
signal_context_dissolve(struct signal_context *ctx)
{
	if (ctx->receiver)
		signal_receiver_detach(ctx->receiver, ctx);
	else
		entrypoint_unwatch(ctx->ep, ctx->watch);
	context_free(ctx);
}
