/*
 * \brief  Drawing text with a checked font (library gfx)
 *
 * gfx_font_parse checked every glyph's bitmap against the module, so a
 * glyph is drawn with no check beyond clipping it to the surface.
 */

#include <stdint.h>

#include <gfx/font.h>
#include <gfx/font_format.h>

#include "blend.h"
#include "font_text.h"
#include "rect_clip.h"

/* blend glyph g with its pen at (x, y) of the line's top, clipped */
static void
font_glyph_draw(struct gfx_surface *s, const struct gfx_font *f, const uint8_t *g, int64_t x,
                int64_t y, uint16_t color)
{
	int64_t gx = x + gfx_les16(g + 8), gy = y + gfx_les16(g + 10);
	unsigned gw = g[4];
	struct gfx_rect r = gfx_rect_clip64(gx, gy, gw, g[5], gfx_surface_drawable(s));
	const uint8_t *map = f->data + GFX_FONT_TABLE_END + gfx_le32(g);
	for (int py = r.y; py < r.y + r.h; py++) {
		const uint8_t *row = map + (size_t)(py - gy) * gw + (size_t)(r.x - gx);
		size_t i = gfx_index(s, r.x, py);
		for (int px = 0; px < r.w; px++)
			if (row[px])
				gfx_put(s, i + (size_t)px, color, row[px]);
	}
}

int
gfx_font_draw_n(struct gfx_surface *s, const struct gfx_font *f, int x, int y, const char *text,
                size_t len, uint16_t color)
{
	struct gfx_rect clip = gfx_surface_drawable(s);
	struct font_text t = font_text_of(text, len);
	int64_t pen = x, right = (int64_t)clip.x + clip.w;
	/* past the clip's right edge nothing shows: measure the rest only */
	while (font_text_more(&t) && pen < right + GFX_FONT_MAX_BEARING) {
		const uint8_t *g = font_glyph(f, font_text_next(&t));
		font_glyph_draw(s, f, g, pen, y, color);
		pen += font_glyph_advance(g);
	}
	int64_t w = pen - x + gfx_font_text_width_n(f, (const char *)t.p, t.left);
	return w < GFX_INT_MAX ? (int)w : GFX_INT_MAX;
}

int
gfx_font_draw(struct gfx_surface *s, const struct gfx_font *f, int x, int y, const char *text,
              uint16_t color)
{
	return gfx_font_draw_n(s, f, x, y, text, SIZE_MAX, color);
}
