/*
 * \brief  Measuring and drawing text with a checked font (library gfx)
 *
 * Text is UTF-8. The font has glyphs for Latin-1 (U+0020..U+00FF); any
 * other character, control characters and malformed bytes are shown as
 * '?', so that text from anywhere draws, visibly, instead of failing.
 */

#include <stdint.h>

#include <gfx/font.h>
#include <gfx/font_format.h>

#include "blend.h"
#include "rect_clip.h"

/* the compiler's: <limits.h> is not there on every platform (GNU Mach) */
#define INT_MAX __INT_MAX__

static bool
utf8_continuation(unsigned char c)
{
	return (c & 0xc0u) == 0x80u;
}

/* the next character of *text as a glyph code 32..255, advancing *text */
static unsigned
font_next_char(const char **text)
{
	const unsigned char *p = (const unsigned char *)*text;
	unsigned c = *p++;
	if (c >= 0xc2u && c <= 0xc3u && utf8_continuation(*p)) {
		/* two bytes: U+0080..U+00FF, of which U+0080..U+009F are controls */
		c = (c & 0x1fu) << 6 | (*p++ & 0x3fu);
		*text = (const char *)p;
		return c >= 0xa0u ? c : '?';
	}
	if (c >= 0xc0u) /* a longer sequence: one '?' for all of it */
		while (utf8_continuation(*p))
			p++;
	*text = (const char *)p;
	return c >= GFX_FONT_FIRST && c < 0x7fu ? c : '?';
}

static const uint8_t *
font_glyph(const struct gfx_font *f, unsigned c)
{
	return f->data + GFX_FONT_HEADER + (c - GFX_FONT_FIRST) * GFX_FONT_GLYPH;
}

int
gfx_font_text_width(const struct gfx_font *f, const char *text)
{
	int64_t w = 0;
	while (*text && w < INT_MAX)
		w += font_glyph(f, font_next_char(&text))[6];
	return w < INT_MAX ? (int)w : INT_MAX;
}

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
gfx_font_draw(struct gfx_surface *s, const struct gfx_font *f, int x, int y, const char *text,
              uint16_t color)
{
	struct gfx_rect clip = gfx_surface_drawable(s);
	int64_t pen = x, right = (int64_t)clip.x + clip.w;
	/* past the clip's right edge nothing shows: measure the rest only */
	while (*text && pen < right + GFX_FONT_MAX_BEARING) {
		const uint8_t *g = font_glyph(f, font_next_char(&text));
		font_glyph_draw(s, f, g, pen, y, color);
		pen += g[6];
	}
	int64_t w = pen - x + gfx_font_text_width(f, text);
	return w < INT_MAX ? (int)w : INT_MAX;
}
