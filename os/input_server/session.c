/*
 * \brief  input_server: one session's queue, buffer and RPC methods
 *
 * The client reads its buffer between two flushes, so the server never
 * writes into it except in flush: new events wait in the queue, which is
 * a ring in the session object.
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <input_session/server.h>
#include <ram_session/client.h>
#include <util/string.h>

#include "input_server_session.h"

static ram_session_cap_t
session_ram(const struct input_server_session *s)
{
	return env_ram(s->server->env);
}

static status_t
input_dataspace(void *ctx, struct rpc_call *call, dataspace_cap_t *ds)
{
	struct input_server_session *s = ctx;

	(void)call;
	*ds = s->ds; /* BORROWED into the reply: the client gets a copy */
	return STATUS_OK;
}

static status_t
input_pending(void *ctx, struct rpc_call *call, bool *pending)
{
	struct input_server_session *s = ctx;

	(void)call;
	*pending = s->count > 0;
	return STATUS_OK;
}

static status_t
input_flush(void *ctx, struct rpc_call *call, uint32_t *count)
{
	struct input_server_session *s = ctx;
	uint32_t n = s->count;

	(void)call;
	for (uint32_t i = 0; i < n; i++)
		s->buffer[i] = s->queue[(s->head + i) % INPUT_SERVER_QUEUE_MAX];
	s->head = (s->head + n) % INPUT_SERVER_QUEUE_MAX;
	s->count = 0;
	if (s->dropped)
		log_warning("Input: client \"%s\" flushed too late: %llu events were dropped",
		            s->base.label, (unsigned long long)s->dropped);
	s->dropped = 0;
	*count = n;
	return STATUS_OK;
}

static status_t
input_sigh(void *ctx, struct rpc_call *call, signal_context_cap_t sigh)
{
	struct input_server_session *s = ctx;

	(void)call;
	if (cap_valid(cap_raw(s->sigh)))
		cap_close(cap_raw(s->sigh));
	s->sigh = sigh; /* OWNED from the dispatch on */
	if (s->count && cap_valid(cap_raw(sigh)))
		(void)signal_submit(sigh, 1);
	return STATUS_OK;
}

static const struct input_session_ops input_server_ops = {
        .dataspace = input_dataspace,
        .pending = input_pending,
        .flush = input_flush,
        .sigh = input_sigh,
};

void
input_server_session_queue(struct input_server_session *s, const struct input_event *ev)
{
	if (s->count == INPUT_SERVER_QUEUE_MAX) {
		s->dropped++;
		return;
	}
	s->queue[(s->head + s->count) % INPUT_SERVER_QUEUE_MAX] = *ev;
	if (s->count++ == 0 && cap_valid(cap_raw(s->sigh)))
		(void)signal_submit(s->sigh, 1);
}

/* the event buffer, charged to the session before it is allocated */
static status_t
session_buffer_alloc(struct input_server_session *s)
{
	char why[96];
	status_t st = root_session_charge(&s->base, INPUT_SERVER_BUFFER_BYTES);

	if (st != STATUS_OK) {
		root_session_shortfall(&s->base, INPUT_SERVER_BUFFER_BYTES, why, sizeof(why));
		log_error("Input session for \"%s\": the event buffer %s", s->base.label, why);
		return st;
	}
	st = ram_session_alloc(session_ram(s), INPUT_SERVER_BUFFER_BYTES, &s->ds);
	if (st == STATUS_OK) {
		st = dataspace_map_writable(s->ds, (void **)&s->buffer, &s->buffer_size);
		if (st == STATUS_OK)
			return STATUS_OK;
		(void)ram_session_free(session_ram(s), s->ds);
		cap_close(cap_raw(s->ds));
	}
	root_session_refund(&s->base, INPUT_SERVER_BUFFER_BYTES);
	log_error("Input session for \"%s\": no event buffer: %s", s->base.label, status_name(st));
	return st;
}

status_t
input_server_session_open(struct input_server_session *s, struct input_server *server)
{
	input_session_cap_t cap;

	s->server = server;
	s->sigh = CAP_TYPED_INVALID(signal_context_cap_t);
	status_t st = session_buffer_alloc(s);
	if (st != STATUS_OK)
		return st;
	st = input_session_manage(env_ep(server->env), &s->rpc, &input_server_ops, s, &cap);
	if (st != STATUS_OK) {
		input_server_session_close(s);
		return st;
	}
	s->base.cap = cap_raw(cap);
	return STATUS_OK;
}

void
input_server_session_close(struct input_server_session *s)
{
	if (cap_valid(s->base.cap))
		entrypoint_dissolve(env_ep(s->server->env), &s->rpc);
	dataspace_unmap(s->buffer, s->buffer_size);
	(void)ram_session_free(session_ram(s), s->ds);
	cap_close(cap_raw(s->ds));
	root_session_refund(&s->base, INPUT_SERVER_BUFFER_BYTES);
	if (cap_valid(cap_raw(s->sigh)))
		cap_close(cap_raw(s->sigh));
}
