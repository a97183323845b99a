/*
 * \brief  liquid_fb's Input service: one client, events from the window
 *
 * The events wait in the session (paid by its donation, like the event
 * buffer) until the client flushes them into the buffer it reads.
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <input_session/server.h>
#include <parent/client.h>
#include <ram_session/client.h>
#include <root/component.h>
#include <util/string.h>

#include "liquid_fb.h"

enum { LIQUID_FB_QUEUE = 128 };

/* the client's event buffer, allocated per session */
#define LIQUID_FB_EVENTS_BYTES (INPUT_EVENT_MAX * sizeof(struct input_event))

struct liquid_fb_input_session {
	struct root_session base; /* label, capability, donation */
	struct rpc_object rpc;
	signal_context_cap_t sigh;  /* OWNED, may be invalid */
	dataspace_cap_t ds;         /* OWNED: the event buffer, from liquid_fb's RAM */
	struct input_event *events; /* its mapping */
	size_t events_size;
	struct input_event queue[LIQUID_FB_QUEUE];
	unsigned queued;
	unsigned long dropped; /* since the last flush */
};

static struct root_component liquid_fb_input_root;
static struct liquid_fb_input_session *liquid_fb_input_client;

void
liquid_fb_input_submit(const struct input_event *ev)
{
	struct liquid_fb_input_session *s = liquid_fb_input_client;
	if (!s)
		return;
	if (s->queued == LIQUID_FB_QUEUE) {
		s->dropped++;
		return;
	}
	s->queue[s->queued++] = *ev;
	if (cap_valid(cap_raw(s->sigh)))
		(void)signal_submit(s->sigh, 1);
}

static status_t
liquid_fb_input_dataspace(void *ctx, struct rpc_call *call, dataspace_cap_t *ds)
{
	(void)call;
	*ds = ((struct liquid_fb_input_session *)ctx)->ds; /* BORROWED by the reply */
	return STATUS_OK;
}

static status_t
liquid_fb_input_pending(void *ctx, struct rpc_call *call, bool *pending)
{
	(void)call;
	*pending = ((struct liquid_fb_input_session *)ctx)->queued > 0;
	return STATUS_OK;
}

static status_t
liquid_fb_input_flush(void *ctx, struct rpc_call *call, uint32_t *count)
{
	(void)call;
	struct liquid_fb_input_session *s = ctx;
	unsigned n = s->queued;
	mem_copy(s->events, s->queue, n * sizeof(struct input_event));
	s->queued = 0;
	*count = n;
	if (s->dropped) {
		log_warning("liquid_fb: client \"%s\" was slow: %lu input events dropped",
		            s->base.label, s->dropped);
		s->dropped = 0;
	}
	return STATUS_OK;
}

static status_t
liquid_fb_input_sigh(void *ctx, struct rpc_call *call, signal_context_cap_t sigh)
{
	(void)call;
	struct liquid_fb_input_session *s = ctx;
	if (cap_valid(cap_raw(s->sigh)))
		cap_close(cap_raw(s->sigh));
	s->sigh = sigh; /* OWNED from the dispatch on */
	return STATUS_OK;
}

static const struct input_session_ops liquid_fb_input_ops = {
        .dataspace = liquid_fb_input_dataspace,
        .pending = liquid_fb_input_pending,
        .flush = liquid_fb_input_flush,
        .sigh = liquid_fb_input_sigh,
};

static struct liquid_fb_input_session *
liquid_fb_input_of(struct root_session *base)
{
	return ROOT_SESSION_ENTRY(base, struct liquid_fb_input_session, base);
}

/* the event buffer, charged to the session's donation before it is allocated */
static status_t
liquid_fb_input_buffer(struct liquid_fb_input_session *s)
{
	status_t st = root_session_charge(&s->base, LIQUID_FB_EVENTS_BYTES);
	if (st != STATUS_OK) {
		log_error(
		        "liquid_fb: Input session of \"%s\": its donation does not cover the event "
		        "buffer (%lu bytes)",
		        s->base.label, (unsigned long)LIQUID_FB_EVENTS_BYTES);
		return st;
	}
	st = ram_session_alloc(env_ram(liquid_fb.env), LIQUID_FB_EVENTS_BYTES, &s->ds);
	if (st == STATUS_OK &&
	    dataspace_map_writable(s->ds, (void **)&s->events, &s->events_size) != STATUS_OK) {
		(void)ram_session_free(env_ram(liquid_fb.env), s->ds);
		cap_close(cap_raw(s->ds));
		st = STATUS_OUT_OF_MEMORY;
	}
	if (st != STATUS_OK)
		root_session_refund(&s->base, LIQUID_FB_EVENTS_BYTES);
	return st;
}

static status_t
liquid_fb_input_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	(void)ctx;
	(void)args;
	struct liquid_fb_input_session *s = liquid_fb_input_of(base);
	input_session_cap_t cap;
	s->sigh = CAP_TYPED_INVALID(signal_context_cap_t);
	status_t st = liquid_fb_input_buffer(s);
	if (st != STATUS_OK)
		return st;
	st = input_session_manage(env_ep(liquid_fb.env), &s->rpc, &liquid_fb_input_ops, s, &cap);
	if (st != STATUS_OK) {
		dataspace_unmap(s->events, s->events_size);
		(void)ram_session_free(env_ram(liquid_fb.env), s->ds);
		cap_close(cap_raw(s->ds));
		root_session_refund(&s->base, LIQUID_FB_EVENTS_BYTES);
		return st;
	}
	base->cap = cap_raw(cap);
	liquid_fb_input_client = s;
	return STATUS_OK;
}

static void
liquid_fb_input_destroy(void *ctx, struct root_session *base)
{
	(void)ctx;
	struct liquid_fb_input_session *s = liquid_fb_input_of(base);
	if (liquid_fb_input_client == s)
		liquid_fb_input_client = 0;
	entrypoint_dissolve(env_ep(liquid_fb.env), &s->rpc);
	dataspace_unmap(s->events, s->events_size);
	(void)ram_session_free(env_ram(liquid_fb.env), s->ds);
	cap_close(cap_raw(s->ds));
	root_session_refund(&s->base, LIQUID_FB_EVENTS_BYTES);
	if (cap_valid(cap_raw(s->sigh)))
		cap_close(cap_raw(s->sigh));
}

static const struct root_component_ops liquid_fb_input_root_ops = {
        .create = liquid_fb_input_create,
        .destroy = liquid_fb_input_destroy,
};

bool
liquid_fb_input_start(struct env *env)
{
	static struct rpc_object root;
	root_cap_t root_cap;
	root_component_init(&liquid_fb_input_root, "Input", sizeof(struct liquid_fb_input_session),
	                    &liquid_fb_input_root_ops, 0, env_heap(env));
	liquid_fb_input_root.single_client = true; /* one window, one receiver of its input */
	status_t st = root_component_manage(&liquid_fb_input_root, env_ep(env), &root, &root_cap);
	if (st == STATUS_OK)
		st = parent_announce(env_parent(env), "Input", root_cap);
	if (st != STATUS_OK)
		log_error("liquid_fb: cannot serve \"Input\": %s", status_name(st));
	return st == STATUS_OK;
}
