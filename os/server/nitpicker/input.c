/*
 * \brief  A client's input: an event buffer the core fills, the client flushes
 *
 * The buffer is a RAM dataspace of the session's (INPUT_EVENT_MAX events).
 * Events [0, flushed) belong to the client until its next flush, the
 * pending ones follow them; a flush moves the pending ones to the start.
 * The client could write into its mapping, but nitpicker only moves those
 * bytes, never interprets them, so that hurts the client alone. Events
 * beyond the buffer are dropped and counted, and the count logged once
 * the client flushes again.
 */

#include <base/log.h>
#include <base/signal.h>
#include <dataspace/map.h>
#include <ram_session/client.h>
#include <util/string.h>

#include "nitpicker.h"

static status_t
np_input_dataspace(void *ctx, struct rpc_call *call, dataspace_cap_t *ds)
{
	struct np_session *s = ctx;
	(void)call;
	*ds = s->ev_ds;
	return STATUS_OK;
}

static status_t
np_input_pending(void *ctx, struct rpc_call *call, bool *pending)
{
	struct np_session *s = ctx;
	(void)call;
	*pending = s->pending > 0;
	return STATUS_OK;
}

static status_t
np_input_flush(void *ctx, struct rpc_call *call, uint32_t *count)
{
	struct np_session *s = ctx;

	(void)call;
	mem_move(s->ev, s->ev + s->flushed, s->pending * sizeof(struct input_event));
	*count = s->flushed = s->pending;
	s->pending = 0;
	if (s->dropped) {
		log_warning(
		        "nitpicker: client \"%s\": %u input events dropped, it flushed too late",
		        s->base.label, s->dropped);
		s->dropped = 0;
	}
	return STATUS_OK;
}

static status_t
np_input_sigh(void *ctx, struct rpc_call *call, signal_context_cap_t sigh)
{
	struct np_session *s = ctx;
	(void)call;
	if (cap_valid(cap_raw(s->input_sigh)))
		cap_close(cap_raw(s->input_sigh));
	s->input_sigh = sigh;
	return STATUS_OK;
}

static const struct input_session_ops np_input_ops = {.dataspace = np_input_dataspace,
                                                      .pending = np_input_pending,
                                                      .flush = np_input_flush,
                                                      .sigh = np_input_sigh};

void
np_input_deliver(void *ctx, struct npc_session *cs, const struct input_event *ev)
{
	struct np_session *s = np_session_of(cs);

	(void)ctx;
	if (s->flushed + s->pending >= INPUT_EVENT_MAX) {
		s->dropped++;
		return;
	}
	s->ev[s->flushed + s->pending++] = *ev;
	if (s->pending == 1 && cap_valid(cap_raw(s->input_sigh)))
		(void)signal_submit(s->input_sigh, 1);
}

status_t
np_input_open(struct np_session *s)
{
	ram_session_cap_t ram = env_ram(np_server.env);
	size_t size = 0;
	void *addr = 0;
	status_t st = ram_session_alloc(ram, s->ev_size, &s->ev_ds);

	s->input_sigh = CAP_TYPED_INVALID(signal_context_cap_t);
	if (st != STATUS_OK)
		return st;
	st = dataspace_map_writable(s->ev_ds, &addr, &size);
	if (st == STATUS_OK && size < INPUT_EVENT_MAX * sizeof(struct input_event)) {
		dataspace_unmap(addr, size);
		st = STATUS_PROTOCOL;
	}
	if (st == STATUS_OK) {
		s->ev = addr;
		st = input_session_manage(env_ep(np_server.env), &s->input_rpc, &np_input_ops, s,
		                          &s->input_cap);
		if (st != STATUS_OK)
			dataspace_unmap(addr, s->ev_size);
	}
	if (st != STATUS_OK) {
		(void)ram_session_free(ram, s->ev_ds);
		cap_close(cap_raw(s->ev_ds));
	}
	return st;
}

void
np_input_close(struct np_session *s)
{
	entrypoint_dissolve(env_ep(np_server.env), &s->input_rpc);
	cap_close(cap_raw(s->input_cap));
	if (cap_valid(cap_raw(s->input_sigh)))
		cap_close(cap_raw(s->input_sigh));
	dataspace_unmap(s->ev, s->ev_size);
	(void)ram_session_free(env_ram(np_server.env), s->ev_ds);
	cap_close(cap_raw(s->ev_ds));
}
