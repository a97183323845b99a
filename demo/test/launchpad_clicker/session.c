/*
 * \brief  test-launchpad_clicker: the session's buffer, input and view
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <ram_session/client.h>
#include <util/string.h>

#include "clicker.h"

static struct env *env_of_sessions;

static status_t
fb_dataspace(void *ctx, struct rpc_call *call, dataspace_cap_t *ds)
{
	(void)call;
	*ds = ((struct clicker_session *)ctx)->fb_ds; /* BORROWED by the reply */
	return STATUS_OK;
}

static status_t
fb_info(void *ctx, struct rpc_call *call, uint32_t *w, uint32_t *h, uint32_t *format)
{
	struct clicker_session *s = ctx;
	(void)call;
	*w = s->w;
	*h = s->h;
	*format = FRAMEBUFFER_FORMAT_RGB565;
	return STATUS_OK;
}

static status_t
fb_refresh(void *ctx, struct rpc_call *call, int32_t x, int32_t y, int32_t w, int32_t h)
{
	(void)call, (void)x, (void)y, (void)w, (void)h;
	clicker_script_refreshed(ctx);
	return STATUS_OK;
}

static status_t
fb_mode_sigh(void *ctx, struct rpc_call *call, signal_context_cap_t sigh)
{
	(void)ctx, (void)call;
	cap_close(cap_raw(sigh)); /* the mode never changes */
	return STATUS_OK;
}

static const struct framebuffer_session_ops fb_ops = {.dataspace = fb_dataspace,
                                                      .info = fb_info,
                                                      .refresh = fb_refresh,
                                                      .mode_sigh = fb_mode_sigh};

static status_t
in_dataspace(void *ctx, struct rpc_call *call, dataspace_cap_t *ds)
{
	(void)call;
	*ds = ((struct clicker_session *)ctx)->input_ds;
	return STATUS_OK;
}

static status_t
in_pending(void *ctx, struct rpc_call *call, bool *pending)
{
	(void)call;
	*pending = ((struct clicker_session *)ctx)->queued > 0;
	return STATUS_OK;
}

static status_t
in_flush(void *ctx, struct rpc_call *call, uint32_t *count)
{
	struct clicker_session *s = ctx;
	(void)call;
	for (unsigned i = 0; i < s->queued; i++)
		s->events[i] = s->queue[i];
	*count = s->queued;
	s->queued = 0;
	return STATUS_OK;
}

static status_t
in_sigh(void *ctx, struct rpc_call *call, signal_context_cap_t sigh)
{
	struct clicker_session *s = ctx;
	(void)call;
	if (cap_valid(cap_raw(s->sigh)))
		cap_close(cap_raw(s->sigh));
	s->sigh = sigh; /* OWNED from now on */
	return STATUS_OK;
}

static const struct input_session_ops input_ops = {
        .dataspace = in_dataspace, .pending = in_pending, .flush = in_flush, .sigh = in_sigh};

static status_t
view_viewport(void *ctx, struct rpc_call *call, int32_t x, int32_t y, int32_t w, int32_t h,
              int32_t buf_x, int32_t buf_y, bool redraw)
{
	struct clicker_session *s = ctx;
	(void)call, (void)buf_x, (void)buf_y, (void)redraw;
	s->view_x = x, s->view_y = y, s->view_w = w, s->view_h = h;
	return STATUS_OK;
}

static status_t
view_stack(void *ctx, struct rpc_call *call, nitpicker_view_cap_t neighbor, bool behind,
           bool redraw)
{
	(void)ctx, (void)call, (void)behind, (void)redraw;
	if (cap_valid(cap_raw(neighbor)))
		cap_close(cap_raw(neighbor));
	return STATUS_OK;
}

static status_t
view_title(void *ctx, struct rpc_call *call, const char *title)
{
	(void)ctx, (void)call;
	log_print("view title \"%s\"", title);
	return STATUS_OK;
}

static const struct nitpicker_view_ops view_ops = {
        .viewport = view_viewport, .stack = view_stack, .title = view_title};

static status_t
np_framebuffer(void *ctx, struct rpc_call *call, framebuffer_session_cap_t *fb)
{
	(void)call;
	*fb = ((struct clicker_session *)ctx)->fb;
	return STATUS_OK;
}

static status_t
np_input(void *ctx, struct rpc_call *call, input_session_cap_t *input)
{
	(void)call;
	*input = ((struct clicker_session *)ctx)->input;
	return STATUS_OK;
}

static status_t
np_view_create(void *ctx, struct rpc_call *call, nitpicker_view_cap_t *view)
{
	struct clicker_session *s = ctx;
	(void)call;
	if (s->view_made)
		return STATUS_QUOTA_EXCEEDED; /* one view is all this fake offers */
	status_t st = nitpicker_view_manage(env_ep(env_of_sessions), &s->view_rpc, &view_ops, s,
	                                    &s->view);
	s->view_made = st == STATUS_OK;
	*view = s->view;
	return st;
}

static status_t
np_view_destroy(void *ctx, struct rpc_call *call, nitpicker_view_cap_t view)
{
	(void)ctx, (void)call;
	cap_close(cap_raw(view));
	return STATUS_OK;
}

static status_t
np_background(void *ctx, struct rpc_call *call, nitpicker_view_cap_t view)
{
	(void)ctx, (void)call;
	if (cap_valid(cap_raw(view)))
		cap_close(cap_raw(view));
	return STATUS_OK;
}

static const struct nitpicker_session_ops np_ops = {.framebuffer = np_framebuffer,
                                                    .input = np_input,
                                                    .view_create = np_view_create,
                                                    .view_destroy = np_view_destroy,
                                                    .background = np_background};

/* a dataspace of size bytes from our RAM (the client's donation), mapped */
static status_t
buffer_alloc(struct env *env, size_t size, dataspace_cap_t *ds, void **at)
{
	size_t mapped;
	status_t st = ram_session_alloc(env_ram(env), size, ds);
	if (st == STATUS_OK)
		st = dataspace_map_writable(*ds, at, &mapped);
	return st;
}

status_t
clicker_session_setup(struct clicker_session *s, struct env *env, unsigned w, unsigned h)
{
	void *px, *ev;
	env_of_sessions = env;
	s->w = w, s->h = h;
	s->sigh = CAP_TYPED_INVALID(signal_context_cap_t);
	status_t st = buffer_alloc(env, (size_t)w * h * 2, &s->fb_ds, &px);
	if (st == STATUS_OK)
		st = buffer_alloc(env, INPUT_EVENT_MAX * sizeof(struct input_event), &s->input_ds,
		                  &ev);
	if (st != STATUS_OK)
		return st;
	s->pixels = px;
	s->events = ev;
	st = framebuffer_session_manage(env_ep(env), &s->fb_rpc, &fb_ops, s, &s->fb);
	if (st == STATUS_OK)
		st = input_session_manage(env_ep(env), &s->input_rpc, &input_ops, s, &s->input);
	nitpicker_session_cap_t cap;
	if (st == STATUS_OK)
		st = nitpicker_session_manage(env_ep(env), &s->session_rpc, &np_ops, s, &cap);
	if (st == STATUS_OK)
		s->base.cap = cap_raw(cap);
	return st;
}

void
clicker_click(struct clicker_session *s, int x, int y)
{
	int ax = s->view_x + x, ay = s->view_y + y;
	if (s->queued + 3 > CLICKER_QUEUE_MAX)
		return;
	s->queue[s->queued++] =
	        (struct input_event){.type = INPUT_EVENT_MOTION, .ax = ax, .ay = ay};
	s->queue[s->queued++] = (struct input_event){
	        .type = INPUT_EVENT_PRESS, .code = INPUT_BTN_LEFT, .ax = ax, .ay = ay};
	s->queue[s->queued++] = (struct input_event){
	        .type = INPUT_EVENT_RELEASE, .code = INPUT_BTN_LEFT, .ax = ax, .ay = ay};
	if (cap_valid(cap_raw(s->sigh)))
		(void)signal_submit(s->sigh, 1);
}
