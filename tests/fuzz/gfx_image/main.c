/*
 * \brief  Fuzz target: gfx_image_parse, and blitting what it accepts
 *
 * The input is an image module. Whatever gfx_image_parse accepts must blit
 * from any part of it to hostile positions without reading outside the
 * module (an exactly sized copy: ASan) or writing outside the clip. The
 * seeds are two images made by the build (gen/corpus/fuzz-gfx_image).
 */

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <base/log.h>
#include <gfx/image.h>

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
blit_everywhere(const struct gfx_surface *img)
{
	static const int pos[] = {INT_MIN, -300, -7, 0, 5, W - 3, INT_MAX};
	uint16_t *px = malloc(W * H * sizeof(*px));
	uint8_t *alpha = calloc(1, W * H);
	struct gfx_surface s;
	gfx_surface_init(&s, px, alpha, W, H);
	gfx_surface_clip(&s, (struct gfx_rect){3, 2, W - 6, H - 4});
	struct gfx_rect areas[] = {gfx_surface_area(img),
	                           {INT_MIN, INT_MIN, INT_MAX, INT_MAX},
	                           {img->w / 2, img->h / 2, INT_MAX, INT_MAX},
	                           {-5, -5, 10, 10}};
	for (unsigned a = 0; a < 4; a++)
		for (unsigned i = 0; i < 49; i++)
			gfx_blit(&s, pos[i % 7], pos[i / 7], img, areas[a]);
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
	struct gfx_surface img;
	if (gfx_image_parse(&img, copy, size) == STATUS_OK)
		blit_everywhere(&img);
	free(copy);
	return 0;
}
