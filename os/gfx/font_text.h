/*
 * \brief  Walking UTF-8 text glyph by glyph (library gfx, internal)
 *
 * Text is UTF-8, bounded by a byte count and by a NUL, whichever comes
 * first, so that a caller can measure or draw a word inside a longer text
 * without copying it. The font has glyphs for Latin-1 (U+0020..U+00FF);
 * any other character, control characters and malformed bytes are shown
 * as '?', so that text from anywhere draws, visibly, instead of failing.
 */

#ifndef _OS__GFX__FONT_TEXT_H_
#define _OS__GFX__FONT_TEXT_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <gfx/font.h>
#include <gfx/font_format.h>

/* the compiler's: <limits.h> is not there on every platform (GNU Mach) */
#define GFX_INT_MAX __INT_MAX__

struct font_text {
	const unsigned char *p;
	size_t left; /* bytes that may still be read */
};

static inline struct font_text
font_text_of(const char *text, size_t len)
{
	return (struct font_text){(const unsigned char *)text, len};
}

static inline bool
font_text_more(const struct font_text *t)
{
	return t->left > 0 && *t->p;
}

/* the next character's glyph code (32..255); only when font_text_more */
unsigned font_text_next(struct font_text *t);

static inline const uint8_t *
font_glyph(const struct gfx_font *f, unsigned c)
{
	return f->data + GFX_FONT_HEADER + (c - GFX_FONT_FIRST) * GFX_FONT_GLYPH;
}

static inline unsigned
font_glyph_advance(const uint8_t *g)
{
	return g[6];
}

#endif /* _OS__GFX__FONT_TEXT_H_ */
