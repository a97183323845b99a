/*
 * \brief  Fuzz target: gfx_font_parse, and drawing with what it accepts
 *
 * The input is a font module. Whatever gfx_font_parse accepts must draw
 * every character at hostile positions without reading outside the module
 * (an exactly sized copy: ASan) or writing outside the surface, and the
 * width drawn must be the width measured. The seed corpus is a real font
 * made by the build (tool/mk/gfx.mk: gen/corpus/fuzz-gfx_font).
 */

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gfx/font.h>

#include "../gfx_common/surface.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { W = FUZZ_SURFACE_W };

static void
draw_everywhere(const struct gfx_font *f, const char *text)
{
	static const int pos[] = {INT_MIN, -300, -7, 0, 5, W - 3, 300, INT_MAX};
	struct gfx_surface s;
	fuzz_surface_open(&s);
	int width = gfx_font_text_width(f, text);
	for (unsigned i = 0; i < 64; i++)
		if (gfx_font_draw(&s, f, pos[i % 8], pos[i / 8], text, 0xffff) != width)
			abort();
	fuzz_surface_check(&s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *copy = fuzz_input_copy(data, size);
	struct gfx_font f;
	if (gfx_font_parse(&f, copy, size) == STATUS_OK) {
		char all[2 * 224 + 16];
		size_t n = 0;
		for (unsigned c = 32; c < 256; c++) {
			if (c >= 0x80) { /* Latin-1 in UTF-8 */
				all[n++] = (char)(0xc0 | c >> 6);
				all[n++] = (char)(0x80 | (c & 0x3f));
			} else
				all[n++] = (char)c;
		}
		memcpy(all + n, "\xe2\x82\xac\xff\t", 6);
		draw_everywhere(&f, all);
		/* what fits a width is no wider than it */
		static const int widths[] = {-1, 0, 7, 50, 300, 5000};
		for (unsigned k = 0; k < 6; k++) {
			size_t fit = gfx_font_fit(&f, all, widths[k]);
			if (fit > 0 && gfx_font_text_width_n(&f, all, fit) > widths[k])
				abort();
		}
	}
	free(copy);
	return 0;
}
