/*
 * \brief  nitpicker views: RPC objects of a session, paid per view
 *
 * Each view costs its session NITPICKER_VIEW_RAM_QUOTA of the donation
 * (the object from nitpicker's heap and its capability fit in it), so
 * the number of views a client can make is bounded by what it paid.
 */

#include <base/heap.h>
#include <base/log.h>

#include "nitpicker.h"

static status_t
np_view_viewport(void *ctx, struct rpc_call *call, int32_t x, int32_t y, int32_t w, int32_t h,
                 int32_t buf_x, int32_t buf_y, bool redraw)
{
	struct np_view *v = ctx;

	/* redraw or not, the area is redrawn in the next period (nitpicker.h) */
	(void)call;
	(void)redraw;
	npc_view_viewport(&np_server.core, &v->core, (struct gfx_rect){x, y, w, h}, buf_x, buf_y);
	return STATUS_OK;
}

static status_t
np_view_stack(void *ctx, struct rpc_call *call, nitpicker_view_cap_t neighbor, bool behind,
              bool redraw)
{
	struct np_view *v = ctx, *n = 0;

	(void)call;
	(void)redraw;
	if (cap_valid(cap_raw(neighbor))) {
		n = np_view_lookup(v->session, cap_raw(neighbor));
		cap_close(cap_raw(neighbor));
		if (!n) {
			log_warning(
			        "nitpicker: client \"%s\": stack beside a view that is not its own",
			        v->session->base.label);
			return STATUS_INVALID_CAP;
		}
	}
	return npc_view_stack(&np_server.core, &v->core, n ? &n->core : 0, behind);
}

static status_t
np_view_title(void *ctx, struct rpc_call *call, const char *title)
{
	struct np_view *v = ctx;

	(void)call;
	npc_view_title(&np_server.core, &v->core, title);
	return STATUS_OK;
}

static const struct nitpicker_view_ops np_view_ops = {
        .viewport = np_view_viewport, .stack = np_view_stack, .title = np_view_title};

status_t
np_view_create(struct np_session *s, nitpicker_view_cap_t *cap)
{
	struct np_view *v = 0;
	status_t st = root_session_charge(&s->base, NITPICKER_VIEW_RAM_QUOTA);

	if (st != STATUS_OK) {
		log_warning("nitpicker: client \"%s\": no view more, its donation is used up",
		            s->base.label);
		return st;
	}
	st = heap_alloc(env_heap(np_server.env), sizeof(*v), (void **)&v);
	if (st != STATUS_OK) {
		root_session_refund(&s->base, NITPICKER_VIEW_RAM_QUOTA);
		return st;
	}
	*v = (struct np_view){.session = s};
	st = nitpicker_view_manage(env_ep(np_server.env), &v->rpc, &np_view_ops, v, &v->cap);
	if (st == STATUS_OK &&
	    (st = cap_index_insert(&s->views, &v->entry, cap_raw(v->cap))) != STATUS_OK) {
		entrypoint_dissolve(env_ep(np_server.env), &v->rpc);
		cap_close(cap_raw(v->cap));
	}
	if (st != STATUS_OK) {
		(void)heap_free(env_heap(np_server.env), v);
		root_session_refund(&s->base, NITPICKER_VIEW_RAM_QUOTA);
		return st;
	}
	npc_view_add(&np_server.core, &v->core, &s->core);
	*cap = v->cap; /* BORROWED by the reply */
	return STATUS_OK;
}

struct np_view *
np_view_lookup(struct np_session *s, cap_t cap)
{
	struct cap_index_entry *e = cap_index_lookup(&s->views, cap);
	return e ? CAP_INDEX_ENTRY(e, struct np_view, entry) : 0;
}

void
np_view_destroy(struct np_session *s, struct np_view *v)
{
	cap_index_remove(&s->views, &v->entry);
	entrypoint_dissolve(env_ep(np_server.env), &v->rpc);
	cap_close(cap_raw(v->cap));
	npc_view_remove(&np_server.core, &v->core);
	(void)heap_free(env_heap(np_server.env), v);
	root_session_refund(&s->base, NITPICKER_VIEW_RAM_QUOTA);
}
