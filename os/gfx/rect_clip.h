/*
 * \brief  Rectangle clipping in 64-bit arithmetic (library gfx, internal)
 *
 * Callers compute positions like x + w or x + (a - b) from arbitrary ints;
 * in int those overflow (undefined behaviour), in int64_t they cannot. The
 * result is clipped to an int rectangle, so it fits in int again.
 */

#ifndef _OS__GFX__RECT_CLIP_H_
#define _OS__GFX__RECT_CLIP_H_

#include <stdint.h>

#include <gfx/surface.h>

/* (x, y, w, h) intersected with clip; empty (0, 0, 0, 0) if none */
struct gfx_rect gfx_rect_clip64(int64_t x, int64_t y, int64_t w, int64_t h, struct gfx_rect clip);

/*
 * Where s may be drawn: its clip, cut to its area once more, since a caller
 * can set the public clip member to anything (the primitives then still
 * stay inside the array).
 */
static inline struct gfx_rect
gfx_surface_drawable(const struct gfx_surface *s)
{
	return gfx_rect_intersect(s->clip, gfx_surface_area(s));
}

#endif /* _OS__GFX__RECT_CLIP_H_ */
