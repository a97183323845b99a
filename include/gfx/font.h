/*
 * \brief  Proportional bitmap fonts from ROM modules (library gfx)
 *
 * The font format is our own (doc/gui.md, "Fonts"): a header, a table of
 * glyphs for characters 32..255 (Latin-1) each with its advance and its
 * place in an alpha map, and the 8-bit alpha map. A build-time tool makes
 * it from a TrueType font; components only read it, and never trust it:
 * gfx_font_parse checks every offset and size against the module.
 */

#ifndef _INCLUDE__GFX__FONT_H_
#define _INCLUDE__GFX__FONT_H_

#include <stddef.h>
#include <stdint.h>

#include <base/status.h>
#include <gfx/surface.h>

struct gfx_font {
	const uint8_t *data; /* the module, BORROWED: must outlive the font */
	size_t size;
	int height;   /* line height in pixels */
	int baseline; /* from the top of a line */
};

/* check data (size bytes) and make *f use it; STATUS_INVALID_ARGS naming the defect in the log */
status_t gfx_font_parse(struct gfx_font *f, const void *data, size_t size);

/* width in pixels of text (UTF-8; characters beyond Latin-1 shown as '?') */
int gfx_font_text_width(const struct gfx_font *f, const char *text);

/* draw text with its line's top-left at (x, y), clipped; the width drawn */
int gfx_font_draw(struct gfx_surface *s, const struct gfx_font *f, int x, int y, const char *text,
                  uint16_t color);

/*
 * The same for at most len bytes of text (it may end earlier, at a NUL):
 * a word or line inside a longer text, measured or drawn without a copy
 */
int gfx_font_text_width_n(const struct gfx_font *f, const char *text, size_t len);
int gfx_font_draw_n(struct gfx_surface *s, const struct gfx_font *f, int x, int y, const char *text,
                    size_t len, uint16_t color);

/* how many bytes of text (whole characters) fit into width pixels */
size_t gfx_font_fit(const struct gfx_font *f, const char *text, int width);

#endif /* _INCLUDE__GFX__FONT_H_ */
