/*
 * \brief  launchpad's window layout and hit tests (layout.h)
 */

#include "layout.h"

struct launchpad_layout
launchpad_layout_for_font(int font_h)
{
	int row = (font_h > 8 ? font_h : 8) + 8;
	return (struct launchpad_layout){
	        .width = 400, .row_h = row, .name_w = 120, .kill_w = 48, .pad = 4};
}

/* row n of the window, all of its width */
static struct gfx_rect
row(const struct launchpad_layout *l, unsigned n)
{
	return (struct gfx_rect){0, (int)n * l->row_h, l->width, l->row_h};
}

int
launchpad_layout_height(const struct launchpad_layout *l, const struct launchpad_model *m)
{
	return (int)(2 + m->count + launchpad_model_running_count(m)) * l->row_h + l->pad;
}

struct gfx_rect
launchpad_layout_status(const struct launchpad_layout *l)
{
	return row(l, 0);
}

struct gfx_rect
launchpad_layout_heading(const struct launchpad_layout *l, const struct launchpad_model *m)
{
	return row(l, 1 + m->count);
}

struct gfx_rect
launchpad_layout_name(const struct launchpad_layout *l, unsigned i)
{
	struct gfx_rect r = row(l, 1 + i);
	return (struct gfx_rect){l->pad, r.y, l->name_w, r.h};
}

struct gfx_rect
launchpad_layout_bar(const struct launchpad_layout *l, unsigned i)
{
	struct gfx_rect r = row(l, 1 + i);
	int x = 2 * l->pad + l->name_w;
	return (struct gfx_rect){x, r.y + l->pad, l->width - x - l->pad, r.h - 2 * l->pad};
}

struct gfx_rect
launchpad_layout_bar_fill(struct gfx_rect bar, uint64_t quota, uint64_t max)
{
	if (max == 0 || bar.w <= 0)
		return (struct gfx_rect){bar.x, bar.y, 0, bar.h};
	if (quota > max)
		quota = max;
	/* bar.w is at most a window's width: the product stays far below 2^64 */
	return (struct gfx_rect){bar.x, bar.y, (int)(quota * (uint64_t)bar.w / max), bar.h};
}

struct gfx_rect
launchpad_layout_child(const struct launchpad_layout *l, const struct launchpad_model *m,
                       unsigned slot)
{
	struct gfx_rect r = row(l, 2 + m->count + slot);
	return (struct gfx_rect){l->pad, r.y, l->width - 3 * l->pad - l->kill_w, r.h};
}

struct gfx_rect
launchpad_layout_kill(const struct launchpad_layout *l, const struct launchpad_model *m,
                      unsigned slot)
{
	struct gfx_rect r = row(l, 2 + m->count + slot);
	return (struct gfx_rect){l->width - l->pad - l->kill_w, r.y + l->pad / 2, l->kill_w,
	                         r.h - l->pad};
}

static bool
inside(struct gfx_rect r, int x, int y)
{
	/* in 64 bits: a rectangle near INT_MAX must not wrap */
	return !gfx_rect_empty(r) && x >= r.x && y >= r.y && (int64_t)x < (int64_t)r.x + r.w &&
	       (int64_t)y < (int64_t)r.y + r.h;
}

/* the quota at x of bar, whole KiB */
static uint64_t
bar_quota(struct gfx_rect bar, uint64_t max, int x)
{
	uint64_t q = (uint64_t)(x - bar.x + 1) * max / (uint64_t)bar.w;
	return q / 1024 * 1024;
}

struct launchpad_hit
launchpad_layout_hit(const struct launchpad_layout *l, const struct launchpad_model *m, int x,
                     int y)
{
	for (unsigned i = 0; i < m->count; i++) {
		if (inside(launchpad_layout_name(l, i), x, y))
			return (struct launchpad_hit){LAUNCHPAD_HIT_START, i, 0};
		struct gfx_rect bar = launchpad_layout_bar(l, i);
		if (inside(bar, x, y))
			return (struct launchpad_hit){LAUNCHPAD_HIT_QUOTA, i,
			                              bar_quota(bar, m->quota_max, x)};
	}
	unsigned running = launchpad_model_running_count(m);
	for (unsigned slot = 0; slot < running; slot++)
		if (inside(launchpad_layout_kill(l, m, slot), x, y))
			return (struct launchpad_hit){LAUNCHPAD_HIT_KILL,
			                              launchpad_model_running_at(m, slot), 0};
	return (struct launchpad_hit){LAUNCHPAD_HIT_NONE, m->count, 0};
}
