/*
 * \brief  The gfx fuzz targets' surface (surface.h)
 */

#include <stdlib.h>
#include <string.h>

#include <base/log.h>

#include "surface.h"

enum { W = FUZZ_SURFACE_W, H = FUZZ_SURFACE_H };

/* refusals are expected here by the million: no output */
void
log_output_line(const char *line, size_t len)
{
	(void)line;
	(void)len;
}

void
fuzz_surface_open(struct gfx_surface *s)
{
	uint16_t *px = malloc(W * H * sizeof(*px));
	uint8_t *alpha = calloc(1, W * H);
	gfx_surface_init(s, px, alpha, W, H);
	gfx_surface_clip(s, (struct gfx_rect){3, 2, W - 6, H - 4});
}

void
fuzz_surface_check(struct gfx_surface *s)
{
	const uint8_t *alpha = s->alpha;
	for (int y = 0; y < H; y++)
		for (int x = 0; x < W; x++)
			if (alpha[y * W + x] && !gfx_rect_contains(s->clip, x, y))
				abort();
	free(s->pixels);
	free(s->alpha);
}

uint8_t *
fuzz_input_copy(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1);
	memcpy(copy, data, size);
	return copy;
}
