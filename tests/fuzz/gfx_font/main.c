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

#include <base/log.h>
#include <gfx/font.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { W = 40, H = 24 };

/* refusals are expected here by the million: no output */
void
log_output_line(const char *line, size_t len)
{
	(void)line;
	(void)len;
}

static void
draw_everywhere(const struct gfx_font *f, const char *text)
{
	static const int pos[] = {INT_MIN, -300, -7, 0, 5, W - 3, 300, INT_MAX};
	uint16_t *px = malloc(W * H * sizeof(*px));
	uint8_t *alpha = malloc(W * H);
	memset(alpha, 0, W * H);
	struct gfx_surface s;
	gfx_surface_init(&s, px, alpha, W, H);
	gfx_surface_clip(&s, (struct gfx_rect){3, 2, W - 6, H - 4});
	int width = gfx_font_text_width(f, text);
	for (unsigned i = 0; i < 64; i++)
		if (gfx_font_draw(&s, f, pos[i % 8], pos[i / 8], text, 0xffff) != width)
			abort();
	/* nothing drawn outside the clip: alpha stays 0 there */
	for (int y = 0; y < H; y++)
		for (int x = 0; x < W; x++)
			if (alpha[y * W + x] && !gfx_rect_contains(s.clip, x, y))
				abort();
	free(px);
	free(alpha);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact copy: a read past its end is ASan's finding */
	uint8_t *copy = malloc(size ? size : 1);
	memcpy(copy, data, size);
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
