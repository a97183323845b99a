/*
 * \brief  nitpicker core: sessions, their refreshes and backgrounds
 */

#include <util/string.h>

#include "npc.h"

void
npc_init(struct npc *c, struct gfx_surface *screen, const struct npc_ops *ops, void *ctx)
{
	*c = (struct npc){.screen = screen,
	                  .ops = ops,
	                  .ctx = ctx,
	                  .label_height = NPC_LABEL_BAR_HEIGHT,
	                  .menubar_height = NPC_MENUBAR_HEIGHT};
	list_init(&c->stack);
	list_init(&c->sessions);
	/* the first flush paints all of the screen */
	npc_dirty(c, gfx_surface_area(screen));
}

/* whether label's last element is "backdrop" (init writes "parent -> child") */
static bool
npc_label_backdrop(const char *label)
{
	size_t n = str_len(label), k = str_len("backdrop");

	return n >= k && str_equal(label + n - k, "backdrop") &&
	       (n == k || label[n - k - 1] == ' ');
}

void
npc_session_add(struct npc *c, struct npc_session *s, const char *label, uint16_t color,
                bool stay_top, struct gfx_surface buffer)
{
	list_elem_init(&s->elem);
	list_init(&s->views);
	s->label = label;
	s->color = color;
	s->stay_top = stay_top;
	s->buffer = buffer;
	s->background = 0;
	s->backdrop = npc_label_backdrop(label);
	list_insert_tail(&c->sessions, &s->elem);
}

void
npc_session_remove(struct npc *c, struct npc_session *s)
{
	list_for_each_safe(e, &s->views)
	        npc_view_remove(c, list_entry(e, struct npc_view, session_elem));
	if (c->focus == s) {
		c->focus = 0;
		/* the menubar names the focus */
		if (c->xray)
			npc_dirty(c, gfx_surface_area(c->screen));
	}
	if (c->hover == s)
		c->hover = 0;
	if (c->grab == s) {
		c->grab = 0;
		c->buttons = 0;
	}
	list_remove(&s->elem);
}

/*
 * r lies in the buffer already; each view shows it shifted by its offset.
 * Sums stay far from overflow: r within the buffer (< 2^15 for the
 * server's limits), rect and offsets within +-2^17.
 */
void
npc_session_refresh(struct npc *c, struct npc_session *s, struct gfx_rect r)
{
	r = gfx_rect_intersect(r, gfx_surface_area(&s->buffer));
	if (gfx_rect_empty(r))
		return;
	list_for_each(e, &s->views)
	{
		struct npc_view *v = list_entry(e, struct npc_view, session_elem);
		struct gfx_rect shown = {r.x + v->rect.x - v->buf_x, r.y + v->rect.y - v->buf_y,
		                         r.w, r.h};

		npc_dirty(c, gfx_rect_intersect(shown, v->rect));
	}
}

status_t
npc_session_background(struct npc *c, struct npc_session *s, struct npc_view *v)
{
	if (v && v->session != s)
		return STATUS_DENIED;
	if (s->background) {
		/* the former background view joins the stack again, in front */
		struct npc_view *old = s->background;
		s->background = 0;
		npc_dirty(c, gfx_surface_area(c->screen));
		(void)npc_view_stack(c, old, 0, true);
	}
	if (v) {
		list_remove(&v->stack_elem);
		s->background = v;
	}
	npc_dirty(c, gfx_surface_area(c->screen));
	return STATUS_OK;
}
