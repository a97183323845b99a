/*
 * \brief  Unit test of gfx: blend arithmetic and blits, clipped
 */

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include <gfx/surface.h>

#include "../../../os/gfx/blend.h"
#include "gfx_test.h"

enum { SW = 5, SH = 4 };

static uint16_t src_px[SW * SH];
static uint8_t src_alpha[SW * SH];
static struct gfx_surface src;

struct blit_args {
	int x, y;
	struct gfx_rect area;
};

static void
src_reset(bool with_alpha)
{
	for (int i = 0; i < SW * SH; i++) {
		src_px[i] = (uint16_t)(i + 1);
		src_alpha[i] = (uint8_t)(i % 3 == 0 ? 0 : i % 3 == 1 ? 255 : 128);
	}
	gfx_surface_init(&src, src_px, with_alpha ? src_alpha : NULL, SW, SH);
}

/* the source pixel that lands on (x, y), or -1 */
static int
src_index_at(int x, int y, const struct blit_args *b)
{
	int64_t sx = (int64_t)x - b->x + b->area.x, sy = (int64_t)y - b->y + b->area.y;
	if (!in64(b->area, sx, sy) || !in64(gfx_surface_area(&src), sx, sy) ||
	    !in64(surf.clip, x, y))
		return -1;
	return (int)(sy * SW + sx);
}

static uint16_t
want_copy(int x, int y, const void *arg)
{
	int i = src_index_at(x, y, arg);
	return i < 0 ? BG : src_px[i];
}

static const int hostile_pos[] = {INT_MIN, INT_MIN + 3, -4, 0, 3, 14, INT_MAX - 2, INT_MAX};
enum { POS_COUNT = sizeof(hostile_pos) / sizeof(hostile_pos[0]) };

static void
blit_clipped_hostile(void)
{
	src_reset(false);
	for (unsigned a = 0; a < hostile_count; a++)
		for (unsigned p = 0; p < POS_COUNT * POS_COUNT; p++) {
			struct blit_args b = {hostile_pos[p % POS_COUNT],
			                      hostile_pos[p / POS_COUNT], hostile[a]};
			surf_reset(false);
			gfx_surface_clip(&surf, (struct gfx_rect){1, 1, W - 2, H - 1});
			gfx_blit(&surf, b.x, b.y, &src, b.area);
			if (!pixels_are(want_copy, &b))
				test_check(false, "blit of hostile area", __FILE__,
				           (int)(a * 100 + p));
		}
	/* an ordinary case, by hand: src (1,1,2,2) to (-1, 6) shows its top-right only */
	surf_reset(false);
	gfx_blit(&surf, -1, 6, &src, (struct gfx_rect){1, 1, 2, 2});
	CHECK_EQ(mem[GUARD + 6 * W + 0], src_px[1 * SW + 2]);
	CHECK_EQ(mem[GUARD + 7 * W + 0], src_px[2 * SW + 2]);
	CHECK_EQ(mem[GUARD + 6 * W + 1], BG);
}

static uint16_t
want_alpha(int x, int y, const void *arg)
{
	int i = src_index_at(x, y, arg);
	if (i < 0 || src_alpha[i] == 0)
		return BG;
	if (src_alpha[i] == 255)
		return src_px[i];
	/* 128 of a small value over BG (0x1234: r 2, g 17, b 20) */
	unsigned s = src_px[i];
	unsigned r = ((s >> 11) * 128 + 2 * 127 + 127) / 255;
	unsigned g = (((s >> 5) & 63) * 128 + 17 * 127 + 127) / 255;
	unsigned b = ((s & 31) * 128 + 20 * 127 + 127) / 255;
	return (uint16_t)(r << 11 | g << 5 | b);
}

static void
blit_source_alpha(void)
{
	src_reset(true);
	for (unsigned p = 0; p < POS_COUNT * POS_COUNT; p++) {
		struct blit_args b = {hostile_pos[p % POS_COUNT],
		                      hostile_pos[p / POS_COUNT],
		                      {INT_MIN, INT_MIN, INT_MAX, INT_MAX}};
		b.area = (p & 1) ? gfx_surface_area(&src) : b.area;
		surf_reset(false);
		gfx_blit(&surf, b.x, b.y, &src, b.area);
		if (!pixels_are(want_alpha, &b))
			test_check(false, "blit with source alpha", __FILE__, (int)p);
	}
	struct blit_args b = {2, 3, {0, 0, SW, SH}};
	surf_reset(false);
	gfx_blit(&surf, 2, 3, &src, b.area);
	CHECK(pixels_are(want_alpha, &b));
	CHECK_EQ(mem[GUARD + 3 * W + 2], BG);        /* alpha 0 */
	CHECK_EQ(mem[GUARD + 3 * W + 3], src_px[1]); /* alpha 255 */
	CHECK(mem[GUARD + 3 * W + 4] != BG && mem[GUARD + 3 * W + 4] != src_px[2]);
}

static uint16_t
want_row(int x, int y, const void *arg)
{
	int shift = *(const int *)arg;
	int from = y - shift;
	return (uint16_t)(from >= 0 && from < H ? from * 100 + x : y * 100 + x);
}

/* a surface blitted into itself scrolls, whichever direction */
static void
blit_self_overlap(void)
{
	for (int shift = -2; shift <= 2; shift++) {
		surf_reset(false);
		for (int i = 0; i < W * H; i++)
			mem[GUARD + i] = (uint16_t)((i / W) * 100 + i % W);
		gfx_blit(&surf, 0, shift, &surf, gfx_surface_area(&surf));
		if (!pixels_are(want_row, &shift))
			test_check(false, "blit into itself", __FILE__, shift);
	}
}

/* the division-free x / 255 of blend.h, against the division, everywhere it is used */
static void
blend_div255_exact(void)
{
	unsigned wrong = 0;
	for (unsigned x = 0; x < 65535; x++)
		wrong += gfx_div255(x) != x / 255;
	CHECK_EQ(wrong, 0);
	for (unsigned a = 0; a < 256; a++)
		for (unsigned s = 0; s < 64; s++)
			for (unsigned d = 0; d < 64; d++)
				wrong += gfx_mix_channel(d, s, a) !=
				         (s * a + d * (255 - a) + 127) / 255;
	CHECK_EQ(wrong, 0);
}

static void
blend_arithmetic(void)
{
	struct gfx_rect px = {0, 0, 1, 1};
	surf_reset(false);
	mem[GUARD] = 0;
	gfx_fill_blend(&surf, px, 0xffff, 128);
	CHECK_EQ(mem[GUARD], (16 << 11) | (32 << 5) | 16);
	gfx_fill_blend(&surf, px, 0x0000, 0);
	CHECK_EQ(mem[GUARD], (16 << 11) | (32 << 5) | 16);
	gfx_fill_blend(&surf, px, 0xf800, 255);
	CHECK_EQ(mem[GUARD], 0xf800);
	gfx_fill_blend(&surf, px, 0x07e0, 1000); /* above 255 is opaque */
	CHECK_EQ(mem[GUARD], 0x07e0);
	gfx_fill_blend(&surf, px, 0x001f, 64); /* green 63 -> 47, blue 0 -> 8 */
	CHECK_EQ(mem[GUARD], (47 << 5) | 8);
	CHECK_EQ(gfx_rgb(255, 255, 255), 0xffff);
	CHECK(gfx_red(0xf800) == 255 && gfx_green(0x07e0) == 255 && gfx_blue(0x001f) == 255);
	CHECK_EQ(gfx_green(gfx_rgb(0, 128, 0)), 129);
}

/* blending into an alpha plane composes "over": a transparent destination keeps the colour */
static void
blend_over_alpha_plane(void)
{
	struct gfx_rect px = {2, 2, 1, 1};
	surf_reset(true);
	gfx_fill_blend(&surf, px, 0xf800, 100);
	CHECK_EQ(mem[GUARD + 2 * W + 2], 0xf800);
	CHECK_EQ(amem[GUARD + 2 * W + 2], 100);
	gfx_fill_blend(&surf, px, 0xf800, 100);
	CHECK_EQ(amem[GUARD + 2 * W + 2], 161);
	gfx_fill(&surf, (struct gfx_rect){0, 0, 1, 1}, 0x1111);
	CHECK_EQ(amem[GUARD], 255);
	src_reset(false);
	gfx_blit(&surf, 4, 4, &src, gfx_surface_area(&src));
	CHECK(amem[GUARD + 4 * W + 4] == 255 && amem[GUARD + 7 * W + 8] == 255);
	CHECK(amem[GUARD + 3 * W + 4] == 0 && amem[GUARD + 4 * W + 9] == 0);
	CHECK(guards_intact());
}

static uint16_t
want_blend_somewhere(int x, int y, const void *arg)
{
	uint16_t mixed = (uint16_t)(((2 + 31 + 1) / 2) << 11 | ((17 + 63 + 1) / 2) << 5 | 26);
	return in64(*(const struct gfx_rect *)arg, x, y) ? mixed : BG;
}

static void
blend_hostile(void)
{
	for (unsigned i = 0; i < hostile_count; i++) {
		surf_reset(false);
		gfx_fill_blend(&surf, hostile[i], FG, 128);
		if (!pixels_are(want_blend_somewhere, &hostile[i]))
			test_check(false, "blend of hostile rectangle", __FILE__, (int)i);
	}
}

const struct test_case gfx_blit_cases[] = {
        TEST_CASE(blit_clipped_hostile), TEST_CASE(blit_source_alpha),
        TEST_CASE(blit_self_overlap),    TEST_CASE(blend_div255_exact),
        TEST_CASE(blend_arithmetic),     TEST_CASE(blend_over_alpha_plane),
        TEST_CASE(blend_hostile),
};
const unsigned gfx_blit_case_count = sizeof(gfx_blit_cases) / sizeof(gfx_blit_cases[0]);
