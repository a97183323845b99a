/*
 * \brief  Signal contexts: created at a receiver or at an entrypoint
 *
 * A context's eventfd and count page come from the backing. The page is
 * mapped here for good and touched at once, so that its memory is
 * charged to the receiver (the first to touch a page of a memfd pays for
 * it, doc/signals.md), and registered for this process's own submits.
 */

#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>

#include <base/internal/lx_fd.h>
#include <base/internal/lx_process.h>
#include <base/signal_backing.h>

#include "../ipc/ep_watch.h"
#include "../ipc/internal.h"
#include "signal_linux.h"
#include "signal_page.h"

static const struct signal_backing *backing;

void
signal_backing_set(const struct signal_backing *b)
{
	__atomic_store_n(&backing, b, __ATOMIC_RELEASE);
}

const struct signal_backing *
signal_backing_current(void)
{
	return __atomic_load_n(&backing, __ATOMIC_ACQUIRE);
}

static status_t
direct_alloc(void *arg, void *imprint, cap_t *ctx, cap_t *page)
{
	(void)arg;
	(void)imprint;
	int fd = signal_eventfd_create();
	int pfd = fd < 0 ? -1 : signal_page_create();
	if (pfd < 0) {
		if (fd >= 0)
			cap_close((cap_t){fd});
		return STATUS_OUT_OF_MEMORY;
	}
	*ctx = (cap_t){fd};
	*page = (cap_t){pfd};
	return STATUS_OK;
}

/*
 * Every context of this process, so that the direct backing can do what
 * core does for components: find the page of a copy of a capability
 * (another number for the same eventfd, which only kcmp tells).
 */
static struct {
	struct lock lock;
	struct signal_context *head;
} own = {.lock = LOCK_INIT_UNLOCKED};

static void
own_link(struct signal_context *ctx)
{
	lock_acquire(&own.lock);
	ctx->own_next = own.head;
	if (own.head)
		own.head->own_prev = ctx;
	own.head = ctx;
	lock_release(&own.lock);
}

static void
own_unlink(struct signal_context *ctx)
{
	lock_acquire(&own.lock);
	if (ctx->own_prev)
		ctx->own_prev->own_next = ctx->own_next;
	else if (own.head == ctx)
		own.head = ctx->own_next;
	if (ctx->own_next)
		ctx->own_next->own_prev = ctx->own_prev;
	ctx->own_next = ctx->own_prev = NULL;
	lock_release(&own.lock);
}

/*
 * A copy of one of our contexts' capabilities: a duplicate of its page.
 * Another's (or a dissolved one's): STATUS_INVALID_ARGS, its submits are
 * dropped, as core answers for a context it does not know; a process
 * that hands a capability to another hands its page beside it
 * (signal_page_linux.h).
 */
static status_t
direct_page(void *arg, cap_t ctx, cap_t *page)
{
	(void)arg;
	status_t st = STATUS_INVALID_ARGS;

	lock_acquire(&own.lock);
	for (struct signal_context *c = own.head; c; c = c->own_next) {
		if (c->page_fd < 0 || lx_kcmp_file(c->fd, (int)ctx.sel) != 0)
			continue;
		int fd = lx_fcntl(c->page_fd, F_DUPFD_CLOEXEC, 0);
		st = fd < 0 ? STATUS_OUT_OF_MEMORY : STATUS_OK;
		*page = (cap_t){fd};
		break;
	}
	lock_release(&own.lock);
	return st;
}

static void
direct_release(void *arg, cap_t ctx)
{
	(void)arg;
	cap_close(ctx);
}

const struct signal_backing signal_backing_direct = {direct_alloc, direct_release, direct_page, 0};

static void
context_free(struct signal_context *ctx)
{
	own_unlink(ctx);
	signal_tx_forget(ctx->fd);
	signal_page_unmap(ctx->page);
	if (ctx->page_fd >= 0)
		cap_close((cap_t){ctx->page_fd});
	ctx->backing->release(ctx->backing->arg, (cap_t){ctx->fd});
	free(ctx);
}

/* map and touch the page (charged to us), and submit to it from here too */
static status_t
context_page_attach(struct signal_context *ctx)
{
	ctx->page = ctx->page_fd >= 0 ? signal_page_map(ctx->page_fd) : NULL;
	if (!ctx->page)
		return STATUS_UNAVAILABLE;
	signal_page_add(ctx->page, 0);
	return signal_tx_register(ctx->fd, ctx->page);
}

/* a context with a fresh eventfd and page from the backing, attached to nothing yet */
static status_t
context_alloc(void *imprint, struct signal_context **out)
{
	const struct signal_backing *b = signal_backing_current();
	struct signal_context *ctx;
	cap_t fd, page = cap_invalid();
	status_t st;

	if (!b)
		return STATUS_UNAVAILABLE;
	ctx = calloc(1, sizeof(*ctx));
	if (!ctx)
		return STATUS_OUT_OF_MEMORY;
	st = b->alloc(b->arg, imprint, &fd, &page);
	if (st != STATUS_OK) {
		free(ctx);
		return st;
	}
	ctx->fd = (int)fd.sel;
	ctx->page_fd = cap_valid(page) ? (int)page.sel : -1;
	ctx->backing = b;
	/* a capability appears under this number (see cap_gen_get) */
	cap_gen_bump(ctx->fd);
	ctx->imprint = imprint;
	own_link(ctx);
	st = context_page_attach(ctx);
	if (st != STATUS_OK) {
		context_free(ctx);
		return st;
	}
	*out = ctx;
	return STATUS_OK;
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
	unsigned num = signal_page_take(ctx->page);

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
	if (entrypoint_watch_edge(ep, ctx->fd, handler_ready, ctx, &ctx->watch) != STATUS_OK) {
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
