/*
 * \brief  Copying and blending one surface into another (library gfx)
 */

#include <stdint.h>

#include <gfx/surface.h>
#include <util/string.h>

#include "blend.h"
#include "rect_clip.h"

/*
 * n pixels, in the direction that keeps an overlap intact (a surface may be
 * blitted into itself: scrolling); by pixel, not by byte as mem_move, since
 * a full-screen refresh of nitpicker is all rows like this
 */
static void
pixels_move(uint16_t *d, const uint16_t *s, size_t n)
{
	if ((uintptr_t)d <= (uintptr_t)s || (uintptr_t)d >= (uintptr_t)(s + n)) {
		for (size_t i = 0; i < n; i++)
			d[i] = s[i];
		return;
	}
	while (n--)
		d[n] = s[n];
}

/* one row of w pixels: copied, or blended by the source's alpha */
static void
blit_row(struct gfx_surface *dst, size_t di, const struct gfx_surface *src, size_t si, int w)
{
	if (!src->alpha) {
		pixels_move(dst->pixels + di, src->pixels + si, (size_t)w);
		if (dst->alpha)
			mem_set(dst->alpha + di, 255, (size_t)w);
		return;
	}
	for (int x = 0; x < w; x++) {
		unsigned a = src->alpha[si + (size_t)x];
		if (a == 255 && !dst->alpha)
			dst->pixels[di + (size_t)x] = src->pixels[si + (size_t)x];
		else if (a)
			gfx_put(dst, di + (size_t)x, src->pixels[si + (size_t)x], a);
	}
}

void
gfx_blit(struct gfx_surface *dst, int x, int y, const struct gfx_surface *src,
         struct gfx_rect src_area)
{
	/* the part of src_area that src has, and where it lands in dst */
	struct gfx_rect s = gfx_rect_intersect(src_area, gfx_surface_area(src));
	int64_t dx = (int64_t)x + s.x - src_area.x, dy = (int64_t)y + s.y - src_area.y;
	struct gfx_rect d = gfx_rect_clip64(dx, dy, s.w, s.h, gfx_surface_drawable(dst));
	if (gfx_rect_empty(d))
		return;
	/* the clip cut d off at its left and top by these amounts */
	int sx = s.x + (int)(d.x - dx), sy = s.y + (int)(d.y - dy);

	/* rows bottom-up where a surface moves down within itself */
	bool up = dst->pixels == src->pixels && d.y > sy;
	for (int r = 0; r < d.h; r++) {
		int row = up ? d.h - 1 - r : r;
		blit_row(dst, gfx_index(dst, d.x, d.y + row), src, gfx_index(src, sx, sy + row),
		         d.w);
	}
}
