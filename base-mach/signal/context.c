/*
 * \brief  Signal contexts: created at a receiver or at an entrypoint
 *
 * A context comes from the backing (core's SIGNAL session): core's port.
 * We make a wake port, hear it (receiver's set or entrypoint), and
 * register it at core before anybody else can hold the capability, so the
 * first REGISTER, the one core keeps, is ours.
 */

#include <mach_gen/mach_port.h>
#include <mach_rt.h>
#include <signal_mach.h>

#include "signal_mach_lib.h"

static const struct signal_backing *backing;

void
signal_backing_set(const struct signal_backing *b)
{
	__atomic_store_n(&backing, b, __ATOMIC_RELEASE);
}

/*
 * Nothing on Mach runs outside the component world: every program is a
 * component or core, and a context exists only at core (nothing in the
 * kernel counts). So there is nothing direct to make.
 */
static status_t
direct_alloc(void *arg, void *imprint, cap_t *ctx, cap_t *page)
{
	(void)arg;
	(void)imprint;
	(void)ctx;
	(void)page;
	return STATUS_UNAVAILABLE;
}

static status_t
direct_page(void *arg, cap_t ctx, cap_t *page)
{
	(void)arg;
	(void)ctx;
	(void)page;
	return STATUS_UNAVAILABLE;
}

static void
direct_release(void *arg, cap_t ctx)
{
	(void)arg;
	cap_close(ctx);
}

const struct signal_backing signal_backing_direct = {direct_alloc, direct_release, direct_page, 0};

status_t
signal_context_alloc(void *imprint, struct signal_context **out)
{
	const struct signal_backing *b = __atomic_load_n(&backing, __ATOMIC_ACQUIRE);
	struct signal_context *ctx;
	status_t st;

	if (!b)
		return STATUS_UNAVAILABLE;
	ctx = signal_pool_alloc();
	if (!ctx)
		return STATUS_OUT_OF_MEMORY;
	cap_t page = cap_invalid();
	st = b->alloc(b->arg, imprint, &ctx->cap, &page);
	cap_close(page); /* nothing is shared on Mach: core counts */
	if (st != STATUS_OK) {
		signal_pool_free(ctx);
		return st;
	}
	ctx->backing = b;
	ctx->imprint = imprint;
	if (syscall_mach_port_allocate(signal_task(), MACH_PORT_RIGHT_RECEIVE, &ctx->wake) !=
	    KERN_SUCCESS) {
		b->release(b->arg, ctx->cap);
		signal_pool_free(ctx);
		return STATUS_OUT_OF_MEMORY;
	}
	*out = ctx;
	return STATUS_OK;
}

void
signal_context_free(struct signal_context *ctx)
{
	(void)mach_port_mod_refs(signal_task(), ctx->wake, MACH_PORT_RIGHT_RECEIVE, -1);
	ctx->backing->release(ctx->backing->arg, ctx->cap);
	signal_pool_free(ctx);
}

void
signal_context_register(struct signal_context *ctx)
{
	struct signal_mach_register_msg m = {
	        .head = {.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, 0) |
	                              MACH_MSGH_BITS_COMPLEX,
	                 .msgh_size = sizeof(m),
	                 .msgh_remote_port = (mach_port_t)ctx->cap.sel,
	                 .msgh_id = SIGNAL_MACH_REGISTER},
	        .type = signal_mach_type(MACH_MSG_TYPE_MAKE_SEND),
	        .wake = ctx->wake};

	(void)mach_msg(&m.head, MACH_SEND_MSG, sizeof(m), 0, MACH_PORT_NULL, 0, MACH_PORT_NULL);
}

void
signal_ack(const struct signal_context *ctx)
{
	mach_msg_header_t h = {.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, 0),
	                       .msgh_size = sizeof(h),
	                       .msgh_remote_port = (mach_port_t)ctx->cap.sel,
	                       .msgh_id = SIGNAL_MACH_ACK};

	(void)mach_msg(&h, MACH_SEND_MSG, sizeof(h), 0, MACH_PORT_NULL, 0, MACH_PORT_NULL);
}

status_t
signal_context_create(struct signal_receiver *r, void *imprint, struct signal_context **out)
{
	struct signal_context *ctx;
	status_t st = signal_context_alloc(imprint, &ctx);

	if (st != STATUS_OK)
		return st;
	if (signal_receiver_attach(r, ctx) != STATUS_OK) {
		signal_context_free(ctx);
		return STATUS_OUT_OF_MEMORY;
	}
	signal_context_register(ctx);
	*out = ctx;
	return STATUS_OK;
}
