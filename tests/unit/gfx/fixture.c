/*
 * \brief  Fixture of the gfx unit test (gfx_test.h)
 */

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gfx_test.h"

uint16_t mem[GUARD + W * H + GUARD];
uint8_t amem[GUARD + W * H + GUARD];
struct gfx_surface surf;

const struct gfx_rect hostile[] = {
        {INT_MIN, INT_MIN, INT_MAX, INT_MAX},
        {INT_MAX, INT_MAX, INT_MAX, INT_MAX},
        {INT_MIN, INT_MIN, -1, -1},
        {-5, -5, INT_MAX, INT_MAX},
        {INT_MIN, 2, INT_MAX, 3},
        {INT_MIN + 1, 0, INT_MAX, INT_MAX},
        {INT_MAX - 1, 1, 2, 2},
        {3, 3, -4, 5},
        {3, 3, 5, INT_MIN},
        {15, 7, INT_MAX, INT_MAX},
        {16, 0, 1, 8},
        {-1, -1, 2, 2},
        {2, 1, 5, 4},
        {0, 0, W, H},
        {-100, 3, 1000, 1},
};
const unsigned hostile_count = sizeof(hostile) / sizeof(hostile[0]);

void
surf_reset(bool with_alpha)
{
	for (unsigned i = 0; i < sizeof(mem) / sizeof(mem[0]); i++)
		mem[i] = BG;
	memset(amem, 0, sizeof(amem));
	gfx_surface_init(&surf, mem + GUARD, with_alpha ? amem + GUARD : NULL, W, H);
}

bool
guards_intact(void)
{
	for (unsigned i = 0; i < GUARD; i++)
		if (mem[i] != BG || mem[GUARD + W * H + i] != BG || amem[i] ||
		    amem[GUARD + W * H + i])
			return false;
	return true;
}

bool
in64(struct gfx_rect r, int64_t x, int64_t y)
{
	return r.w > 0 && r.h > 0 && x >= r.x && y >= r.y && x < (int64_t)r.x + r.w &&
	       y < (int64_t)r.y + r.h;
}

bool
pixels_are(uint16_t (*want)(int x, int y, const void *arg), const void *arg)
{
	for (int y = 0; y < H; y++)
		for (int x = 0; x < W; x++)
			if (surf.pixels[y * W + x] != want(x, y, arg)) {
				CHECK_EQ(surf.pixels[y * W + x], want(x, y, arg));
				return false;
			}
	return guards_intact();
}

void
gfx_test_refused(const uint8_t *data, size_t size, size_t copy_size, void (*edit)(uint8_t *),
                 gfx_test_parse_fn parse, const char *defect)
{
	uint8_t *copy = malloc(copy_size ? copy_size : 1);
	memcpy(copy, data, copy_size < size ? copy_size : size);
	if (edit)
		edit(copy);
	gfx_test_last_line[0] = 0;
	parse(copy, copy_size);
	if (!CHECK(strstr(gfx_test_last_line, defect)))
		printf("  want \"%s\" in \"%s\"\n", defect, gfx_test_last_line);
	free(copy);
}
