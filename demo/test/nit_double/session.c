/*
 * \brief  test-nit-double: the views of the Nitpicker sessions, and their input
 */

#include <base/log.h>
#include <nitpicker_session/server.h>
#include <nitpicker_view/server.h>
#include <util/string.h>

#include "double.h"

struct env *dbl_env;
struct list dbl_sessions = LIST_INIT(dbl_sessions), dbl_stack = LIST_INIT(dbl_stack);

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

void
dbl_session_submit(struct dbl_session *s, const struct input_event *ev)
{
	if (!nsi_screen_submit(&s->screen, ev))
		log_warning("input for \"%s\" dropped: its queue is full", s->base.label);
}
