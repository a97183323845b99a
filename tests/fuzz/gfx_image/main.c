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

#include <gfx/image.h>

#include "../gfx_common/surface.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { W = FUZZ_SURFACE_W };

static void
blit_everywhere(const struct gfx_surface *img)
{
	static const int pos[] = {INT_MIN, -300, -7, 0, 5, W - 3, INT_MAX};
	struct gfx_surface s;
	fuzz_surface_open(&s);
	struct gfx_rect areas[] = {gfx_surface_area(img),
	                           {INT_MIN, INT_MIN, INT_MAX, INT_MAX},
	                           {img->w / 2, img->h / 2, INT_MAX, INT_MAX},
	                           {-5, -5, 10, 10}};
	for (unsigned a = 0; a < 4; a++)
		for (unsigned i = 0; i < 49; i++)
			gfx_blit(&s, pos[i % 7], pos[i / 7], img, areas[a]);
	fuzz_surface_check(&s); /* nothing written outside the clip */
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *copy = fuzz_input_copy(data, size);
	struct gfx_surface img;
	if (gfx_image_parse(&img, copy, size) == STATUS_OK)
		blit_everywhere(&img);
	free(copy);
	return 0;
}
