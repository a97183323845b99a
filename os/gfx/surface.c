/*
 * \brief  Surfaces, clipping, fills and frames (library gfx)
 */

#include <stdint.h>

#include <gfx/surface.h>

#include "blend.h"
#include "rect_clip.h"

void
gfx_surface_init(struct gfx_surface *s, uint16_t *pixels, uint8_t *alpha, int w, int h)
{
	s->pixels = pixels;
	s->alpha = alpha;
	/* a negative size is an empty surface, never a huge one */
	s->w = w > 0 ? w : 0;
	s->h = h > 0 ? h : 0;
	s->clip = gfx_surface_area(s);
}

void
gfx_surface_clip(struct gfx_surface *s, struct gfx_rect r)
{
	s->clip = gfx_rect_intersect(r, gfx_surface_area(s));
}

void
gfx_fill(struct gfx_surface *s, struct gfx_rect r, uint16_t color)
{
	struct gfx_rect c = gfx_rect_intersect(r, gfx_surface_drawable(s));
	for (int y = c.y; y < c.y + c.h; y++) {
		size_t i = gfx_index(s, c.x, y);
		for (int x = 0; x < c.w; x++)
			s->pixels[i + (size_t)x] = color;
		if (s->alpha)
			for (int x = 0; x < c.w; x++)
				s->alpha[i + (size_t)x] = 255;
	}
}

void
gfx_fill_blend(struct gfx_surface *s, struct gfx_rect r, uint16_t color, unsigned alpha)
{
	if (alpha >= 255) {
		gfx_fill(s, r, color);
		return;
	}
	if (alpha == 0)
		return;
	struct gfx_rect c = gfx_rect_intersect(r, gfx_surface_drawable(s));
	for (int y = c.y; y < c.y + c.h; y++) {
		size_t i = gfx_index(s, c.x, y);
		for (int x = 0; x < c.w; x++)
			gfx_put(s, i + (size_t)x, color, alpha);
	}
}

/* fill (x, y, w, h) given in 64 bits: the edges of a frame may lie beyond int */
static void
fill64(struct gfx_surface *s, int64_t x, int64_t y, int64_t w, int64_t h, uint16_t color)
{
	gfx_fill(s, gfx_rect_clip64(x, y, w, h, gfx_surface_drawable(s)), color);
}

void
gfx_frame(struct gfx_surface *s, struct gfx_rect r, uint16_t color)
{
	if (gfx_rect_empty(r))
		return;
	int64_t right = (int64_t)r.x + r.w - 1, bottom = (int64_t)r.y + r.h - 1;
	fill64(s, r.x, r.y, r.w, 1, color);
	fill64(s, r.x, bottom, r.w, 1, color);
	fill64(s, r.x, r.y, 1, r.h, color);
	fill64(s, right, r.y, 1, r.h, color);
}
