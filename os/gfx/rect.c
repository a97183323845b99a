/*
 * \brief  Rectangle arithmetic without integer overflow (library gfx)
 */

#include <gfx/surface.h>

#include "rect_clip.h"

static int64_t
max64(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

static int64_t
min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

struct gfx_rect
gfx_rect_clip64(int64_t x, int64_t y, int64_t w, int64_t h, struct gfx_rect clip)
{
	static const struct gfx_rect none = {0, 0, 0, 0};
	if (w <= 0 || h <= 0 || gfx_rect_empty(clip))
		return none;
	/* callers pass values within a few times the int range: no term overflows */
	int64_t x0 = max64(x, clip.x), y0 = max64(y, clip.y);
	int64_t x1 = min64(x + w, (int64_t)clip.x + clip.w);
	int64_t y1 = min64(y + h, (int64_t)clip.y + clip.h);
	if (x1 <= x0 || y1 <= y0)
		return none;
	/* inside clip, hence in int range */
	return (struct gfx_rect){(int)x0, (int)y0, (int)(x1 - x0), (int)(y1 - y0)};
}

struct gfx_rect
gfx_rect_intersect(struct gfx_rect a, struct gfx_rect b)
{
	return gfx_rect_clip64(a.x, a.y, a.w, a.h, b);
}

bool
gfx_rect_contains(struct gfx_rect r, int x, int y)
{
	return !gfx_rect_empty(r) && x >= r.x && y >= r.y && (int64_t)x < (int64_t)r.x + r.w &&
	       (int64_t)y < (int64_t)r.y + r.h;
}
