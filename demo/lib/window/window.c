/*
 * \brief  Window geometry: hits, client mapping, dragging
 */

#include <stdint.h>

#include "window.h"

static bool
inside(int px, int py, int x, int y, int w, int h)
{
	/* compared as differences in 64 bits: no sum of window values overflows */
	return w > 0 && h > 0 && (int64_t)px >= x && (int64_t)px - x < w && (int64_t)py >= y &&
	       (int64_t)py - y < h;
}

int
window_client_w(const struct window *w)
{
	int cw = w->w - 2 * WINDOW_BORDER;
	return cw > 0 ? cw : 0;
}

int
window_client_h(const struct window *w)
{
	int ch = w->h - 2 * WINDOW_BORDER - WINDOW_TITLE_H;
	return ch > 0 ? ch : 0;
}

int
window_outer_w(int cw)
{
	return cw + 2 * WINDOW_BORDER;
}

int
window_outer_h(int ch)
{
	return ch + 2 * WINDOW_BORDER + WINDOW_TITLE_H;
}

enum window_hit
window_hit(const struct window *w, int px, int py)
{
	if (!inside(px, py, w->x, w->y, w->w, w->h))
		return WINDOW_HIT_NONE;
	int dx = px - w->x, dy = py - w->y;
	if (inside(dx, dy, window_client_dx(), window_client_dy(), window_client_w(w),
	           window_client_h(w)))
		return WINDOW_HIT_CLIENT;
	if (inside(dx, dy, WINDOW_BORDER, WINDOW_BORDER, w->w - 2 * WINDOW_BORDER, WINDOW_TITLE_H))
		return WINDOW_HIT_TITLE;
	return WINDOW_HIT_BORDER;
}

static int
clamp(int64_t v, int64_t lo, int64_t hi)
{
	return (int)(v < lo ? lo : v > hi ? hi : v);
}

bool
window_to_client(const struct window *w, int px, int py, int *cx, int *cy)
{
	/* in 64 bits and clamped: a hostile pointer position must not overflow */
	*cx = clamp((int64_t)px - w->x - window_client_dx(), INT32_MIN, INT32_MAX);
	*cy = clamp((int64_t)py - w->y - window_client_dy(), INT32_MIN, INT32_MAX);
	return inside(*cx, *cy, 0, 0, window_client_w(w), window_client_h(w));
}

bool
window_drag_begin(struct window_drag *d, const struct window *w, int px, int py)
{
	d->active = window_hit(w, px, py) == WINDOW_HIT_TITLE;
	/* only a hit (px, py inside w) keeps these differences within int */
	d->grab_dx = d->active ? px - w->x : 0;
	d->grab_dy = d->active ? py - w->y : 0;
	return d->active;
}

bool
window_drag_motion(struct window_drag *d, struct window *w, int px, int py)
{
	if (!d->active)
		return false;
	/* the window's origin must stay where a viewport may be, with its title bar reachable */
	int lim = WINDOW_COORD_MAX - WINDOW_SIZE_MAX;
	int x = clamp((int64_t)px - d->grab_dx, -lim, lim);
	int y = clamp((int64_t)py - d->grab_dy, -lim, lim);
	bool moved = x != w->x || y != w->y;
	w->x = x;
	w->y = y;
	return moved;
}

void
window_stack_init(struct window_stack *s, unsigned n)
{
	s->n = n < WINDOW_STACK_MAX ? n : WINDOW_STACK_MAX;
	for (unsigned i = 0; i < s->n; i++)
		s->order[i] = i;
}

bool
window_stack_raise(struct window_stack *s, unsigned i)
{
	unsigned pos = 0;
	while (pos < s->n && s->order[pos] != i)
		pos++;
	if (pos == s->n || pos == 0)
		return false;
	for (; pos > 0; pos--)
		s->order[pos] = s->order[pos - 1];
	s->order[0] = i;
	return true;
}

int
window_stack_top_at(const struct window_stack *s, const struct window *windows, int px, int py)
{
	for (unsigned pos = 0; pos < s->n; pos++)
		if (window_hit(&windows[s->order[pos]], px, py) != WINDOW_HIT_NONE)
			return (int)s->order[pos];
	return -1;
}
