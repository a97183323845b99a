/*
 * \brief  test-nitpicker_script: the session's RPC objects
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <framebuffer_session/mode.h>
#include <framebuffer_session/server.h>
#include <input_session/server.h>
#include <nitpicker_session/server.h>
#include <nitpicker_view/server.h>
#include <ram_session/client.h>

#include "nitpicker_script.h"

static status_t
ns_fb_dataspace(void *ctx, struct rpc_call *call, dataspace_cap_t *ds)
{
	(void)call;
	*ds = ((struct ns_session *)ctx)->fb_ds;
	return STATUS_OK;
}

static status_t
ns_fb_info(void *ctx, struct rpc_call *call, uint32_t *w, uint32_t *h, uint32_t *format)
{
	struct ns_session *s = ctx;
	(void)call;
	*w = s->w;
	*h = s->h;
	*format = FRAMEBUFFER_FORMAT_RGB565;
	return STATUS_OK;
}

static status_t
ns_fb_refresh(void *ctx, struct rpc_call *call, int32_t x, int32_t y, int32_t w, int32_t h)
{
	(void)ctx, (void)call, (void)x, (void)y, (void)w, (void)h;
	return STATUS_OK;
}

static const struct framebuffer_session_ops ns_fb_ops = {
        .dataspace = ns_fb_dataspace, .info = ns_fb_info, .refresh = ns_fb_refresh};

static status_t
ns_input_dataspace(void *ctx, struct rpc_call *call, dataspace_cap_t *ds)
{
	(void)call;
	*ds = ((struct ns_session *)ctx)->input_ds;
	return STATUS_OK;
}

static status_t
ns_input_pending(void *ctx, struct rpc_call *call, bool *pending)
{
	(void)ctx, (void)call;
	*pending = ns_script.queued > 0;
	return STATUS_OK;
}

static status_t
ns_input_flush(void *ctx, struct rpc_call *call, uint32_t *count)
{
	struct ns_session *s = ctx;
	(void)call;
	*count = ns_script.queued;
	for (unsigned i = 0; i < ns_script.queued; i++)
		s->events[i] = ns_script.queue[i];
	ns_script.queued = 0;
	if (*count == 0)
		ns_script_idle(&ns_script);
	return STATUS_OK;
}

static status_t
ns_input_sigh(void *ctx, struct rpc_call *call, signal_context_cap_t sigh)
{
	struct ns_session *s = ctx;
	(void)call;
	if (cap_valid(cap_raw(s->input_sigh)))
		cap_close(cap_raw(s->input_sigh));
	s->input_sigh = sigh; /* OWNED from here */
	ns_script_start(&ns_script);
	return STATUS_OK;
}

static const struct input_session_ops ns_input_ops = {.dataspace = ns_input_dataspace,
                                                      .pending = ns_input_pending,
                                                      .flush = ns_input_flush,
                                                      .sigh = ns_input_sigh};

static status_t
ns_view_viewport(void *ctx, struct rpc_call *call, int32_t x, int32_t y, int32_t w, int32_t h,
                 int32_t buf_x, int32_t buf_y, bool redraw)
{
	struct ns_session *s = ctx;
	(void)call, (void)buf_x, (void)buf_y, (void)redraw;
	s->view_x = x;
	s->view_y = y;
	s->view_w = w;
	s->view_h = h;
	return STATUS_OK;
}

static status_t
ns_view_stack(void *ctx, struct rpc_call *call, nitpicker_view_cap_t neighbor, bool behind,
              bool redraw)
{
	(void)ctx, (void)call, (void)behind, (void)redraw;
	if (cap_valid(cap_raw(neighbor)))
		cap_close(cap_raw(neighbor));
	return STATUS_OK;
}

static status_t
ns_view_title(void *ctx, struct rpc_call *call, const char *title)
{
	(void)ctx, (void)call;
	log_print("nitpicker_script: view title \"%s\"", title);
	return STATUS_OK;
}

static const struct nitpicker_view_ops ns_view_ops = {
        .viewport = ns_view_viewport, .stack = ns_view_stack, .title = ns_view_title};

static status_t
ns_framebuffer(void *ctx, struct rpc_call *call, framebuffer_session_cap_t *fb)
{
	(void)call;
	*fb = ((struct ns_session *)ctx)->fb_cap;
	return STATUS_OK;
}

static status_t
ns_input(void *ctx, struct rpc_call *call, input_session_cap_t *input)
{
	(void)call;
	*input = ((struct ns_session *)ctx)->input_cap;
	return STATUS_OK;
}

/* one view per session: the stand-in needs no more */
static status_t
ns_view_create(void *ctx, struct rpc_call *call, nitpicker_view_cap_t *view)
{
	struct ns_session *s = ctx;
	(void)call;
	if (cap_valid(cap_raw(s->view_cap)))
		return STATUS_OUT_OF_MEMORY;
	status_t st = nitpicker_view_manage(env_ep(ns_script.env), &s->view_obj, &ns_view_ops, s,
	                                    &s->view_cap);
	*view = s->view_cap;
	return st;
}

static const struct nitpicker_session_ops ns_session_ops = {
        .framebuffer = ns_framebuffer, .input = ns_input, .view_create = ns_view_create};

/* a RAM dataspace of size from the stand-in's quota, mapped */
static status_t
ns_buffer(struct env *env, size_t size, dataspace_cap_t *ds, void **addr, size_t *mapped)
{
	status_t st = ram_session_alloc(env_ram(env), size, ds);
	if (st == STATUS_OK)
		st = dataspace_map_writable(*ds, addr, mapped);
	return st;
}

status_t
ns_session_open(struct ns_session *s, struct env *env, uint32_t w, uint32_t h)
{
	struct entrypoint *ep = env_ep(env);
	nitpicker_session_cap_t cap;

	s->w = w;
	s->h = h;
	s->input_sigh = CAP_TYPED_INVALID(signal_context_cap_t);
	s->view_cap = CAP_TYPED_INVALID(nitpicker_view_cap_t);
	status_t st = ns_buffer(env, (size_t)w * h * 2, &s->fb_ds, (void **)&s->fb, &s->fb_size);
	if (st == STATUS_OK)
		st = ns_buffer(env, INPUT_EVENT_MAX * sizeof(struct input_event), &s->input_ds,
		               (void **)&s->events, &s->events_size);
	if (st == STATUS_OK)
		st = framebuffer_session_manage(ep, &s->fb_obj, &ns_fb_ops, s, &s->fb_cap);
	if (st == STATUS_OK)
		st = input_session_manage(ep, &s->input_obj, &ns_input_ops, s, &s->input_cap);
	if (st == STATUS_OK)
		st = nitpicker_session_manage(ep, &s->session_obj, &ns_session_ops, s, &cap);
	if (st != STATUS_OK) {
		log_error("nitpicker_script: cannot serve a %ux%u session: %s", w, h,
		          status_name(st));
		return st;
	}
	s->base.cap = cap_raw(cap);
	return STATUS_OK;
}
