/*
 * \brief  nitpicker core: views and the view stack
 *
 * The stack is a list, front first. Views of stay_top sessions form its
 * front part, all others the rest: every insertion keeps that order, so
 * no client can put a view in front of a stay_top one (e.g. a menu bar).
 */

#include <util/string.h>

#include "npc.h"

static struct npc_view *
npc_view_of(struct list_elem *e)
{
	return e ? list_entry(e, struct npc_view, stack_elem) : 0;
}

/* the last stay_top view of the stack, NULL if there is none */
static struct list_elem *
npc_stack_last_top(const struct npc *c)
{
	struct list_elem *last = 0;

	list_for_each(e, &c->stack)
	{
		if (!npc_view_of(e)->session->stay_top)
			break;
		last = e;
	}
	return last;
}

/* the element v goes behind when at the front (behind) or back of its class */
static struct list_elem *
npc_stack_class_pos(const struct npc *c, const struct npc_view *v, bool front)
{
	struct list_elem *last_top = npc_stack_last_top(c);

	if (v->session->stay_top)
		return front ? 0 : last_top;
	return front ? last_top : list_last(&c->stack);
}

void
npc_view_add(struct npc *c, struct npc_view *v, struct npc_session *s)
{
	*v = (struct npc_view){.session = s};
	list_elem_init(&v->stack_elem);
	list_elem_init(&v->session_elem);
	list_insert_tail(&s->views, &v->session_elem);
	list_insert_after(&c->stack, npc_stack_class_pos(c, v, true), &v->stack_elem);
}

void
npc_view_remove(struct npc *c, struct npc_view *v)
{
	struct npc_session *s = v->session;

	if (s->background == v) {
		s->background = 0;
		npc_dirty(c, gfx_surface_area(c->screen));
	}
	npc_dirty(c, v->rect);
	list_remove(&v->stack_elem);
	list_remove(&v->session_elem);
}

void
npc_view_viewport(struct npc *c, struct npc_view *v, struct gfx_rect r, int buf_x, int buf_y)
{
	r.w = r.w < 0 ? 0 : r.w;
	r.h = r.h < 0 ? 0 : r.h;
	npc_dirty(c, v->rect);
	v->rect = r;
	v->buf_x = buf_x;
	v->buf_y = buf_y;
	npc_dirty(c, v->rect);
}

status_t
npc_view_stack(struct npc *c, struct npc_view *v, struct npc_view *neighbor, bool behind)
{
	struct list_elem *pos;

	if (neighbor && neighbor->session != v->session)
		return STATUS_DENIED;
	if (neighbor == v || v->session->background == v ||
	    (neighbor && !list_elem_linked(&neighbor->stack_elem)))
		return STATUS_OK; /* a view beside itself, or a background: nothing moves */
	list_remove(&v->stack_elem);
	if (!neighbor)
		pos = npc_stack_class_pos(c, v, behind);
	else if (behind)
		pos = &neighbor->stack_elem;
	else
		pos = list_prev(&c->stack, &neighbor->stack_elem);
	list_insert_after(&c->stack, pos, &v->stack_elem);
	npc_dirty(c, v->rect);
	return STATUS_OK;
}

void
npc_view_title(struct npc *c, struct npc_view *v, const char *title)
{
	str_copy(v->title, title, sizeof(v->title));
	if (c->xray)
		npc_dirty(c, v->rect);
}

struct npc_view *
npc_view_at(const struct npc *c, int x, int y)
{
	list_for_each(e, &c->stack)
	{
		struct npc_view *v = npc_view_of(e);
		if (gfx_rect_contains(v->rect, x, y))
			return v;
	}
	struct npc_view *bg = npc_background_of(c);
	return bg && gfx_rect_contains(bg->rect, x, y) ? bg : 0;
}
