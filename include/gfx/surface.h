/*
 * \brief  Pixel surfaces and drawing primitives of the GUI (library gfx)
 *
 * A surface is an RGB565 pixel array (rows of w pixels, no padding) with
 * an optional alpha plane (one byte per pixel, 255 opaque) and a clip
 * rectangle: every primitive draws only inside the clip, so a caller can
 * never write outside the array, whatever coordinates it passes
 * (negative, huge, overflowing sizes included).
 */

#ifndef _INCLUDE__GFX__SURFACE_H_
#define _INCLUDE__GFX__SURFACE_H_

#include <stdbool.h>
#include <stdint.h>

struct gfx_rect {
	int x, y, w, h; /* w or h <= 0: empty */
};

struct gfx_surface {
	uint16_t *pixels;
	uint8_t *alpha; /* may be NULL: opaque */
	int w, h;
	struct gfx_rect clip; /* always inside (0, 0, w, h) */
};

static inline uint16_t
gfx_rgb(unsigned r, unsigned g, unsigned b)
{
	return (uint16_t)(((r & 0xf8u) << 8) | ((g & 0xfcu) << 3) | (b >> 3));
}

/* the components of an RGB565 pixel, scaled back to 0..255 */
static inline unsigned
gfx_red(uint16_t p)
{
	return ((p >> 11) & 0x1fu) * 255u / 31u;
}
static inline unsigned
gfx_green(uint16_t p)
{
	return ((p >> 5) & 0x3fu) * 255u / 63u;
}
static inline unsigned
gfx_blue(uint16_t p)
{
	return (p & 0x1fu) * 255u / 31u;
}

/* the intersection; empty (w = h = 0) if there is none, no overflow for any input */
struct gfx_rect gfx_rect_intersect(struct gfx_rect a, struct gfx_rect b);

static inline bool
gfx_rect_empty(struct gfx_rect r)
{
	return r.w <= 0 || r.h <= 0;
}

/* whether point (x, y) lies in r */
bool gfx_rect_contains(struct gfx_rect r, int x, int y);

/* a surface over pixels (and alpha, may be NULL) of w x h; the clip is all of it */
void gfx_surface_init(struct gfx_surface *s, uint16_t *pixels, uint8_t *alpha, int w, int h);

/* clip to r within the surface's bounds (r may lie anywhere) */
void gfx_surface_clip(struct gfx_surface *s, struct gfx_rect r);

/* the surface's whole area */
static inline struct gfx_rect
gfx_surface_area(const struct gfx_surface *s)
{
	return (struct gfx_rect){0, 0, s->w, s->h};
}

void gfx_fill(struct gfx_surface *s, struct gfx_rect r, uint16_t color);

/* blend color over r with opacity alpha (0 nothing, 255 a plain fill) */
void gfx_fill_blend(struct gfx_surface *s, struct gfx_rect r, uint16_t color, unsigned alpha);

/* a one-pixel outline of r */
void gfx_frame(struct gfx_surface *s, struct gfx_rect r, uint16_t color);

/*
 * Copy the area src_area of src to (x, y) of dst. With src->alpha the
 * pixels are blended by it, without they are copied.
 */
void gfx_blit(struct gfx_surface *dst, int x, int y, const struct gfx_surface *src,
              struct gfx_rect src_area);

#endif /* _INCLUDE__GFX__SURFACE_H_ */
