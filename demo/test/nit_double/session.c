/*
 * \brief  test-nit-double: Nitpicker sessions, their buffers, input and views
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <framebuffer_session/mode.h>
#include <framebuffer_session/server.h>
#include <input_session/server.h>
#include <nitpicker_session/server.h>
#include <nitpicker_view/server.h>
#include <ram_session/client.h>
#include <util/string.h>

#include "double.h"

struct env *dbl_env;
struct list dbl_sessions = LIST_INIT(dbl_sessions), dbl_stack = LIST_INIT(dbl_stack);

static void
dbl_sigh_drop(signal_context_cap_t sigh)
{
	if (cap_valid(cap_raw(sigh)))
		cap_close(cap_raw(sigh));
}

/* --- view --- */

static status_t
dbl_view_viewport(void *ctx, struct rpc_call *call, int32_t x, int32_t y, int32_t w, int32_t h,
                  int32_t buf_x, int32_t buf_y, bool redraw)
{
	(void)call;
	(void)redraw;
	struct dbl_view *v = ctx;
	v->x = x, v->y = y, v->w = w, v->h = h, v->buf_x = buf_x, v->buf_y = buf_y;
	log_print("viewport \"%s\" view \"%s\": %d,%d %dx%d buffer %d,%d", v->session->base.label,
	          v->title, x, y, w, h, buf_x, buf_y);
	return STATUS_OK;
}

static status_t
dbl_view_stack(void *ctx, struct rpc_call *call, nitpicker_view_cap_t neighbor, bool behind,
               bool redraw)
{
	(void)call;
	(void)redraw;
	struct dbl_view *v = ctx;
	if (cap_valid(cap_raw(neighbor))) /* OWNED; the double stacks every view to an end */
		cap_close(cap_raw(neighbor));
	list_remove(&v->stack_elem);
	if (behind)
		list_insert_head(&dbl_stack, &v->stack_elem);
	else
		list_insert_tail(&dbl_stack, &v->stack_elem);
	return STATUS_OK;
}

static status_t
dbl_view_title(void *ctx, struct rpc_call *call, const char *title)
{
	(void)call;
	struct dbl_view *v = ctx;
	str_copy(v->title, title, sizeof(v->title));
	return STATUS_OK;
}

const struct nitpicker_view_ops dbl_view_ops = {
        .viewport = dbl_view_viewport, .stack = dbl_view_stack, .title = dbl_view_title};

/* --- framebuffer --- */

static status_t
dbl_fb_dataspace(void *ctx, struct rpc_call *call, dataspace_cap_t *ds)
{
	(void)call;
	*ds = ((struct dbl_session *)ctx)->buf_ds; /* BORROWED by the reply */
	return STATUS_OK;
}

static status_t
dbl_fb_info(void *ctx, struct rpc_call *call, uint32_t *w, uint32_t *h, uint32_t *format)
{
	(void)call;
	struct dbl_session *s = ctx;
	*w = s->w, *h = s->h, *format = FRAMEBUFFER_FORMAT_RGB565;
	return STATUS_OK;
}

static status_t
dbl_fb_refresh(void *ctx, struct rpc_call *call, int32_t x, int32_t y, int32_t w, int32_t h)
{
	(void)ctx, (void)call, (void)x, (void)y, (void)w, (void)h;
	return STATUS_OK; /* the screen is computed when a probe asks */
}

static status_t
dbl_fb_mode_sigh(void *ctx, struct rpc_call *call, signal_context_cap_t sigh)
{
	(void)ctx, (void)call;
	dbl_sigh_drop(sigh);
	return STATUS_OK;
}

const struct framebuffer_session_ops dbl_fb_ops = {.dataspace = dbl_fb_dataspace,
                                                   .info = dbl_fb_info,
                                                   .refresh = dbl_fb_refresh,
                                                   .mode_sigh = dbl_fb_mode_sigh};

/* --- input --- */

static status_t
dbl_input_dataspace(void *ctx, struct rpc_call *call, dataspace_cap_t *ds)
{
	(void)call;
	*ds = ((struct dbl_session *)ctx)->ev_ds;
	return STATUS_OK;
}

static status_t
dbl_input_pending(void *ctx, struct rpc_call *call, bool *pending)
{
	(void)call;
	*pending = ((struct dbl_session *)ctx)->queued > 0;
	return STATUS_OK;
}

static status_t
dbl_input_flush(void *ctx, struct rpc_call *call, uint32_t *count)
{
	(void)call;
	struct dbl_session *s = ctx;
	mem_copy(s->events, s->queue, s->queued * sizeof(struct input_event));
	*count = s->queued;
	s->queued = 0;
	return STATUS_OK;
}

static status_t
dbl_input_sigh(void *ctx, struct rpc_call *call, signal_context_cap_t sigh)
{
	(void)ctx, (void)call;
	dbl_sigh_drop(sigh); /* the clients poll */
	return STATUS_OK;
}

const struct input_session_ops dbl_input_ops = {.dataspace = dbl_input_dataspace,
                                                .pending = dbl_input_pending,
                                                .flush = dbl_input_flush,
                                                .sigh = dbl_input_sigh};

void
dbl_session_submit(struct dbl_session *s, const struct input_event *ev)
{
	if (s->queued < DBL_QUEUE)
		s->queue[s->queued++] = *ev;
	else
		log_warning("input for \"%s\" dropped: its queue is full", s->base.label);
}
