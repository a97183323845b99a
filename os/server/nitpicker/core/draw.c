/*
 * \brief  nitpicker core: redraw of a screen area
 *
 * Back to front (painter's order): the plain colour, the background
 * view, then each view of the stack clipped to the area, so that alpha
 * views blend over what lies behind them. Views behind an opaque view
 * that covers the whole area are skipped: a client refreshing its own
 * front window costs one blit. In X-ray mode each view gets its
 * decorations when it is drawn (they lie inside its rectangle, so views
 * in front cover them as they cover the view), and the menubar comes last.
 */

#include "npc.h"

static struct gfx_rect
npc_rect_union(struct gfx_rect a, struct gfx_rect b)
{
	if (gfx_rect_empty(a))
		return b;
	if (gfx_rect_empty(b))
		return a;
	int x0 = a.x < b.x ? a.x : b.x, y0 = a.y < b.y ? a.y : b.y;
	long x1 = (long)a.x + a.w > (long)b.x + b.w ? (long)a.x + a.w : (long)b.x + b.w;
	long y1 = (long)a.y + a.h > (long)b.y + b.h ? (long)a.y + a.h : (long)b.y + b.h;
	return (struct gfx_rect){x0, y0, (int)(x1 - x0), (int)(y1 - y0)};
}

void
npc_dirty(struct npc *c, struct gfx_rect r)
{
	r = gfx_rect_intersect(r, gfx_surface_area(c->screen));
	if (!gfx_rect_empty(r))
		c->dirty = npc_rect_union(c->dirty, r);
}

struct npc_view *
npc_background_of(const struct npc *c)
{
	if (c->focus && c->focus->background)
		return c->focus->background;
	list_for_each(e, &c->sessions)
	{
		struct npc_session *s = list_entry(e, struct npc_session, elem);
		if (s->backdrop && s->background)
			return s->background;
	}
	return 0;
}

/* fill r of the screen, clipped to clip */
static void
npc_fill(struct npc *c, struct gfx_rect clip, struct gfx_rect r, uint16_t color)
{
	gfx_surface_clip(c->screen, clip);
	gfx_fill(c->screen, r, color);
	gfx_surface_clip(c->screen, gfx_surface_area(c->screen));
}

/* where on the screen v's buffer lies (it may reach far beyond the screen) */
static struct gfx_rect
npc_view_buffer_rect(const struct npc_view *v)
{
	return (struct gfx_rect){v->rect.x - v->buf_x, v->rect.y - v->buf_y, v->session->buffer.w,
	                         v->session->buffer.h};
}

/*
 * The part of v in area: its buffer where the buffer lies, the plain
 * colour where not (the four strips around the buffer), so that no pixel
 * shows anything but the session's own buffer.
 */
static void
npc_view_content(struct npc *c, const struct npc_view *v, struct gfx_rect area)
{
	struct gfx_rect b = npc_view_buffer_rect(v);
	struct gfx_rect in = gfx_rect_intersect(area, b);
	uint16_t bg = NPC_COLOR_BACKGROUND;

	if (gfx_rect_empty(in)) {
		npc_fill(c, area, area, bg);
		return;
	}
	int ax1 = area.x + area.w, ay1 = area.y + area.h, ix1 = in.x + in.w, iy1 = in.y + in.h;
	npc_fill(c, area, (struct gfx_rect){area.x, area.y, area.w, in.y - area.y}, bg);
	npc_fill(c, area, (struct gfx_rect){area.x, iy1, area.w, ay1 - iy1}, bg);
	npc_fill(c, area, (struct gfx_rect){area.x, in.y, in.x - area.x, in.h}, bg);
	npc_fill(c, area, (struct gfx_rect){ix1, in.y, ax1 - ix1, in.h}, bg);

	struct gfx_rect src = {in.x - b.x, in.y - b.y, in.w, in.h};
	gfx_surface_clip(c->screen, in);
	gfx_blit(c->screen, in.x, in.y, &v->session->buffer, src);
	gfx_surface_clip(c->screen, gfx_surface_area(c->screen));
}

static void
npc_text(struct npc *c, struct gfx_rect clip, int x, int y, const char *text)
{
	if (!c->ops || !c->ops->text_draw)
		return;
	gfx_surface_clip(c->screen, clip);
	c->ops->text_draw(c->ctx, c->screen, x, y, text, NPC_COLOR_TEXT);
	gfx_surface_clip(c->screen, gfx_surface_area(c->screen));
}

static int
npc_text_width(struct npc *c, const char *text)
{
	return c->ops && c->ops->text_width ? c->ops->text_width(c->ctx, text) : 0;
}

/* X-ray: tint unless focused, a frame and a bar with the trusted label and the title */
static void
npc_view_xray(struct npc *c, const struct npc_view *v, struct gfx_rect area)
{
	const struct npc_session *s = v->session;
	struct gfx_rect bar = {v->rect.x, v->rect.y, v->rect.w, c->label_height};

	gfx_surface_clip(c->screen, area);
	if (s != c->focus)
		gfx_fill_blend(c->screen, v->rect, s->color, NPC_TINT_ALPHA);
	gfx_frame(c->screen, v->rect, s->color);
	gfx_fill(c->screen, bar, s->color);
	gfx_surface_clip(c->screen, gfx_surface_area(c->screen));

	struct gfx_rect text_clip = gfx_rect_intersect(area, bar);
	int x = v->rect.x + 2;
	npc_text(c, text_clip, x, v->rect.y, s->label);
	if (v->title[0])
		npc_text(c, text_clip, x + npc_text_width(c, s->label) + 8, v->rect.y, v->title);
}

static void
npc_view_draw(struct npc *c, const struct npc_view *v, struct gfx_rect clip)
{
	struct gfx_rect area = gfx_rect_intersect(v->rect, clip);

	if (gfx_rect_empty(area))
		return;
	npc_view_content(c, v, area);
	if (c->xray)
		npc_view_xray(c, v, area);
}

/* whether v hides everything behind it in clip */
static bool
npc_view_covers(const struct npc_view *v, struct gfx_rect clip)
{
	struct gfx_rect in = gfx_rect_intersect(v->rect, clip);

	return !v->session->buffer.alpha && in.x == clip.x && in.y == clip.y && in.w == clip.w &&
	       in.h == clip.h;
}

/* the menubar: the focused session's trusted label (X-ray) or the kill mode's hint */
static void
npc_menubar_draw(struct npc *c, struct gfx_rect clip)
{
	struct gfx_rect bar = {0, 0, c->screen->w, c->menubar_height};
	uint16_t color =
	        c->kill ? NPC_COLOR_KILL : (c->focus ? c->focus->color : NPC_COLOR_DEFAULT);
	const char *text = c->kill ? "kill mode: click on a view to close its session"
	                           : (c->focus ? c->focus->label : "X-ray: no focus");

	clip = gfx_rect_intersect(clip, bar);
	if (gfx_rect_empty(clip))
		return;
	npc_fill(c, clip, bar, color);
	npc_text(c, clip, 4, 1, text);
}

void
npc_draw(struct npc *c, struct gfx_rect r)
{
	struct gfx_rect clip = gfx_rect_intersect(r, gfx_surface_area(c->screen));
	struct list_elem *start = list_last(&c->stack);
	bool covered = false;

	if (gfx_rect_empty(clip))
		return;
	list_for_each(e, &c->stack)
	{
		if (npc_view_covers(list_entry(e, struct npc_view, stack_elem), clip)) {
			start = e;
			covered = true;
			break;
		}
	}
	/* a covering view paints every pixel itself (its buffer, else the plain colour) */
	struct npc_view *bg = covered ? 0 : npc_background_of(c);
	if (!covered)
		npc_fill(c, clip, clip, NPC_COLOR_BACKGROUND);
	if (bg)
		npc_view_draw(c, bg, clip);
	for (struct list_elem *e = start; e; e = list_prev(&c->stack, e))
		npc_view_draw(c, list_entry(e, struct npc_view, stack_elem), clip);
	if (c->xray || c->kill)
		npc_menubar_draw(c, clip);
}

void
npc_flush(struct npc *c, struct gfx_rect *done)
{
	*done = c->dirty;
	c->dirty = (struct gfx_rect){0, 0, 0, 0};
	npc_draw(c, *done);
}
