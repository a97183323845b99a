/*
 * \brief  Unit test of gfx: rectangles, fills, frames, blends and blits
 *
 * Every drawing case compares each pixel of a small surface, and guard
 * pixels around its array, with what a reference computed in 64-bit
 * arithmetic says, for hostile rectangles (INT_MIN/INT_MAX positions and
 * sizes, negative sizes, far off the surface) as well as ordinary ones.
 */

#include <limits.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include <gfx/surface.h>

#include "gfx_test.h"

static uint16_t
want_fill(int x, int y, const void *arg)
{
	const struct gfx_rect *r = arg;
	return in64(*r, x, y) && in64(surf.clip, x, y) ? FG : BG;
}

static void
rect_intersect_hostile(void)
{
	struct gfx_rect area = {0, 0, W, H};
	for (unsigned i = 0; i < hostile_count; i++)
		for (unsigned j = 0; j < hostile_count; j++) {
			struct gfx_rect a = hostile[i], b = hostile[j];
			struct gfx_rect c = gfx_rect_intersect(a, b);
			if (gfx_rect_empty(c)) {
				CHECK(c.w == 0 && c.h == 0);
				continue;
			}
			/* corners of c lie in both, and nothing of a and b outside c in the area */
			int64_t x1 = (int64_t)c.x + c.w - 1, y1 = (int64_t)c.y + c.h - 1;
			CHECK(in64(a, c.x, c.y) && in64(b, c.x, c.y) && in64(a, x1, y1) &&
			      in64(b, x1, y1));
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++)
					if (in64(a, x, y) && in64(b, x, y) && !in64(c, x, y))
						CHECK(!"a point of both lies outside the "
						       "intersection");
		}
	struct gfx_rect big =
	        gfx_rect_intersect(hostile[0], (struct gfx_rect){0, 0, INT_MAX, INT_MAX});
	CHECK(gfx_rect_empty(big));
	big = gfx_rect_intersect((struct gfx_rect){-1, -1, INT_MAX, INT_MAX}, hostile[3]);
	CHECK(big.x == -1 && big.y == -1 && big.w == INT_MAX - 4 && big.h == INT_MAX - 4);
	CHECK(gfx_rect_empty(gfx_rect_intersect(area, (struct gfx_rect){W, 0, 5, 5})));
}

static void
rect_contains_edges(void)
{
	struct gfx_rect r = {INT_MAX - 1, INT_MIN, 2, 1};
	CHECK(gfx_rect_contains(r, INT_MAX, INT_MIN));
	CHECK(gfx_rect_contains(r, INT_MAX - 1, INT_MIN));
	CHECK(!gfx_rect_contains(r, INT_MAX - 2, INT_MIN));
	CHECK(!gfx_rect_contains(r, INT_MAX, INT_MIN + 1));
	CHECK(!gfx_rect_contains((struct gfx_rect){0, 0, -1, 5}, 0, 0));
	CHECK(!gfx_rect_contains((struct gfx_rect){0, 0, 1, 0}, 0, 0));
	CHECK(gfx_rect_contains((struct gfx_rect){INT_MIN, INT_MIN, INT_MAX, INT_MAX}, -2, -2));
	CHECK(!gfx_rect_contains((struct gfx_rect){INT_MIN, INT_MIN, INT_MAX, INT_MAX}, -1, 0));
}

static void
surface_init_negative(void)
{
	struct gfx_surface s;
	gfx_surface_init(&s, NULL, NULL, -5, INT_MIN);
	CHECK(s.w == 0 && s.h == 0 && gfx_rect_empty(s.clip));
	/* drawing into an empty surface touches nothing (pixels are NULL) */
	gfx_fill(&s, hostile[0], FG);
	gfx_frame(&s, hostile[3], FG);
	gfx_fill_blend(&s, hostile[3], FG, 100);
	gfx_surface_clip(&s, hostile[3]);
	CHECK(gfx_rect_empty(s.clip));
}

static void
fill_hostile(void)
{
	for (unsigned c = 0; c < 2; c++)
		for (unsigned i = 0; i < hostile_count; i++) {
			surf_reset(false);
			if (c)
				gfx_surface_clip(&surf, (struct gfx_rect){3, 2, 9, 4});
			gfx_fill(&surf, hostile[i], FG);
			if (!pixels_are(want_fill, &hostile[i]))
				test_check(false, "fill of hostile rectangle", __FILE__, (int)i);
		}
}

static void
clip_hostile(void)
{
	for (unsigned i = 0; i < hostile_count; i++) {
		surf_reset(false);
		gfx_surface_clip(&surf, hostile[i]);
		struct gfx_rect c = surf.clip;
		CHECK(gfx_rect_empty(c) ||
		      (c.x >= 0 && c.y >= 0 && (int64_t)c.x + c.w <= W && (int64_t)c.y + c.h <= H));
		gfx_fill(&surf, (struct gfx_rect){INT_MIN, INT_MIN, INT_MAX, INT_MAX}, FG);
		gfx_fill(&surf, (struct gfx_rect){-1, -1, INT_MAX, INT_MAX}, FG);
		struct gfx_rect all = {0, 0, W, H};
		if (!pixels_are(want_fill, &all))
			test_check(false, "fill inside hostile clip", __FILE__, (int)i);
	}
}

/* a caller may set the public clip member to anything: drawing still stays in the array */
static void
clip_member_forged(void)
{
	static const struct gfx_rect forged[] = {
	        {-10, -10, 1000, 1000}, {INT_MIN, INT_MIN, INT_MAX, INT_MAX}, {W - 1, H - 1, 9, 9}};
	uint16_t src_px[4 * 4];
	struct gfx_surface src;
	gfx_surface_init(&src, src_px, NULL, 4, 4);
	for (unsigned i = 0; i < 3; i++) {
		surf_reset(true);
		surf.clip = forged[i];
		gfx_fill(&surf, (struct gfx_rect){-100, -100, 1000, 1000}, FG);
		gfx_fill_blend(&surf, (struct gfx_rect){-100, -100, 1000, 1000}, FG, 7);
		gfx_frame(&surf, (struct gfx_rect){-1, -1, W + 2, H + 2}, FG);
		gfx_blit(&surf, -2, -2, &src, (struct gfx_rect){-100, -100, 1000, 1000});
		gfx_blit(&surf, W - 2, H - 2, &src, gfx_surface_area(&src));
		if (!CHECK(guards_intact()))
			printf("  forged clip %u\n", i);
	}
}

static uint16_t
want_frame(int x, int y, const void *arg)
{
	struct gfx_rect r = *(const struct gfx_rect *)arg;
	int64_t x1 = (int64_t)r.x + r.w - 1, y1 = (int64_t)r.y + r.h - 1;
	bool edge = x == r.x || y == r.y || x == x1 || y == y1;
	return in64(r, x, y) && edge && in64(surf.clip, x, y) ? FG : BG;
}

static void
frame_hostile(void)
{
	for (unsigned i = 0; i < hostile_count; i++) {
		surf_reset(false);
		gfx_frame(&surf, hostile[i], FG);
		if (!pixels_are(want_frame, &hostile[i]))
			test_check(false, "frame of hostile rectangle", __FILE__, (int)i);
	}
	/* a frame whose edges lie in the surface */
	surf_reset(false);
	gfx_frame(&surf, (struct gfx_rect){1, 1, 4, 3}, FG);
	CHECK(mem[GUARD + 1 * W + 1] == FG && mem[GUARD + 3 * W + 4] == FG);
	CHECK(mem[GUARD + 2 * W + 2] == BG && mem[GUARD + 2 * W + 4] == FG);
}

const struct test_case gfx_surface_cases[] = {
        TEST_CASE(rect_intersect_hostile), TEST_CASE(rect_contains_edges),
        TEST_CASE(surface_init_negative),  TEST_CASE(fill_hostile),
        TEST_CASE(clip_hostile),           TEST_CASE(frame_hostile),
        TEST_CASE(clip_member_forged),
};
const unsigned gfx_surface_case_count = sizeof(gfx_surface_cases) / sizeof(gfx_surface_cases[0]);
