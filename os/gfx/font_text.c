/*
 * \brief  Measuring text with a checked font (library gfx)
 */

#include <stdint.h>

#include <gfx/font.h>

#include "font_text.h"

static bool
utf8_continuation(const struct font_text *t)
{
	return t->left > 0 && (*t->p & 0xc0u) == 0x80u;
}

static unsigned
font_text_take(struct font_text *t)
{
	t->left--;
	return *t->p++;
}

unsigned
font_text_next(struct font_text *t)
{
	unsigned c = font_text_take(t);
	if (c >= 0xc2u && c <= 0xc3u && utf8_continuation(t)) {
		/* two bytes: U+0080..U+00FF, of which U+0080..U+009F are controls */
		c = (c & 0x1fu) << 6 | (font_text_take(t) & 0x3fu);
		return c >= 0xa0u ? c : '?';
	}
	if (c >= 0xc0u) /* a longer sequence: one '?' for all of it */
		while (utf8_continuation(t))
			font_text_take(t);
	return c >= GFX_FONT_FIRST && c < 0x7fu ? c : '?';
}

int
gfx_font_text_width_n(const struct gfx_font *f, const char *text, size_t len)
{
	struct font_text t = font_text_of(text, len);
	int64_t w = 0;
	while (font_text_more(&t) && w < GFX_INT_MAX)
		w += font_glyph_advance(font_glyph(f, font_text_next(&t)));
	return w < GFX_INT_MAX ? (int)w : GFX_INT_MAX;
}

int
gfx_font_text_width(const struct gfx_font *f, const char *text)
{
	return gfx_font_text_width_n(f, text, SIZE_MAX);
}

size_t
gfx_font_fit(const struct gfx_font *f, const char *text, int width)
{
	struct font_text t = font_text_of(text, SIZE_MAX);
	int64_t w = 0;
	const unsigned char *fits = t.p;
	while (font_text_more(&t)) {
		w += font_glyph_advance(font_glyph(f, font_text_next(&t)));
		if (w > width)
			break;
		fits = t.p;
	}
	return (size_t)(fits - (const unsigned char *)text);
}
