/*
 * \brief  nit_stand_in: the Input operations of a screen in RAM, and its refresh
 */

#include <os/nit_stand_in.h>
#include <util/string.h>

static void
nsi_sigh_replace(signal_context_cap_t *kept, signal_context_cap_t sigh)
{
	if (cap_valid(cap_raw(*kept)))
		cap_close(cap_raw(*kept));
	*kept = sigh; /* OWNED from the dispatch on */
}

/* the rectangle is not needed: a test reads the pixels when it probes */
void
nsi_screen_refreshed(void *ctx, int32_t x, int32_t y, int32_t w, int32_t h)
{
	struct nsi_screen *s = ctx;
	(void)x, (void)y, (void)w, (void)h;
	__atomic_add_fetch(&s->refreshes, 1, __ATOMIC_RELAXED);
	if (s->hooks && s->hooks->refresh)
		s->hooks->refresh(s->ctx);
}

static status_t
nsi_input_dataspace(void *ctx, struct rpc_call *call, dataspace_cap_t *ds)
{
	(void)call;
	*ds = ((struct nsi_screen *)ctx)->input_ds; /* BORROWED by the reply */
	return STATUS_OK;
}

static status_t
nsi_input_pending(void *ctx, struct rpc_call *call, bool *pending)
{
	(void)call;
	*pending = nsi_screen_queued(ctx) > 0;
	return STATUS_OK;
}

static status_t
nsi_input_flush(void *ctx, struct rpc_call *call, uint32_t *count)
{
	struct nsi_screen *s = ctx;
	(void)call;
	lock_acquire(&s->lock);
	mem_copy(s->events, s->queue, s->queued * sizeof(s->queue[0]));
	*count = s->queued;
	s->queued = 0;
	lock_release(&s->lock);
	if (*count == 0 && s->hooks && s->hooks->idle)
		s->hooks->idle(s->ctx);
	return STATUS_OK;
}

static status_t
nsi_input_sigh(void *ctx, struct rpc_call *call, signal_context_cap_t sigh)
{
	struct nsi_screen *s = ctx;
	(void)call;
	nsi_sigh_replace(&s->sigh, sigh);
	if (s->hooks && s->hooks->ready)
		s->hooks->ready(s->ctx);
	return STATUS_OK;
}

const struct input_session_ops nsi_input_ops = {.dataspace = nsi_input_dataspace,
                                                .pending = nsi_input_pending,
                                                .flush = nsi_input_flush,
                                                .sigh = nsi_input_sigh};
