/*
 * \brief  Unit test of gfx fonts: drawing, blended by glyph alpha, clipped
 *
 * A text drawn into the small guarded surface (clipped) must equal the same
 * text drawn into a big reference surface (unclipped), inside the clip,
 * and leave everything else alone.
 */

#include <limits.h>
#include <string.h>

#include <gfx/font.h>

#include "gfx_test.h"

enum { M = 48, RW = W + 2 * M, RH = H + 2 * M };

static uint16_t ref_px[RW * RH];
static struct gfx_surface ref;

struct draw_args {
	int x, y;
	const char *text;
};

static uint16_t
want_text(int x, int y, const void *arg)
{
	return in64(surf.clip, x, y) ? ref_px[(y + M) * RW + x + M] : BG;
}

static void
draw_both(const struct draw_args *a)
{
	for (int i = 0; i < RW * RH; i++)
		ref_px[i] = BG;
	gfx_surface_init(&ref, ref_px, NULL, RW, RH);
	gfx_font_draw(&ref, &gfx_test_font, a->x + M, a->y + M, a->text, FG);
	gfx_font_draw(&surf, &gfx_test_font, a->x, a->y, a->text, FG);
}

static void
font_draw_clipped(void)
{
	static const struct gfx_rect clips[] = {{0, 0, W, H}, {2, 1, 9, 5}, {-3, 5, W, 1}};
	for (unsigned c = 0; c < 3; c++)
		for (int y = -M / 2; y <= H + 2; y += 3)
			for (int x = -M / 2; x <= W + 2; x += 5) {
				struct draw_args a = {x, y, "Hg\xc3\xa9W"};
				surf_reset(false);
				gfx_surface_clip(&surf, clips[c]);
				draw_both(&a);
				if (!pixels_are(want_text, &a))
					test_check(false, "text clipped", __FILE__, x * 1000 + y);
			}
}

static uint16_t
want_bg(int x, int y, const void *arg)
{
	return BG;
}

static void
font_draw_hostile(void)
{
	static const int pos[] = {INT_MIN, INT_MIN + 10, -1000, W + 300, INT_MAX - 5, INT_MAX};
	const char *text = "Hello, hostile world";
	int w = gfx_font_text_width(&gfx_test_font, text);
	surf_reset(true);
	surf.clip = (struct gfx_rect){-50, -50, 500, 500}; /* forged: still nothing beyond */
	gfx_font_draw(&surf, &gfx_test_font, -3, -3, text, FG);
	gfx_font_draw(&surf, &gfx_test_font, W - 3, H - 3, text, FG);
	CHECK(guards_intact());
	for (unsigned i = 0; i < 36; i++) {
		surf_reset(i & 1);
		int n = gfx_font_draw(&surf, &gfx_test_font, pos[i % 6], pos[i / 6], text, FG);
		CHECK_EQ(n, w);
		if (!pixels_are(want_bg, NULL))
			test_check(false, "text far off the surface", __FILE__, (int)i);
	}
}

/* glyphs blend by their alpha: solid stems, and anti-aliased edges */
static void
font_draw_alpha(void)
{
	for (int i = 0; i < RW * RH; i++)
		ref_px[i] = 0;
	gfx_surface_init(&ref, ref_px, NULL, RW, RH);
	int n = gfx_font_draw(&ref, &gfx_test_font, 1, 1, "Ho", 0xffff);
	CHECK_EQ(n, gfx_font_text_width(&gfx_test_font, "Ho"));
	unsigned solid = 0, partial = 0, outside = 0;
	for (int y = 0; y < RH; y++)
		for (int x = 0; x < RW; x++) {
			uint16_t p = ref_px[y * RW + x];
			solid += p == 0xffff;
			partial += p != 0 && p != 0xffff;
			outside += p && (y < 1 || y > gfx_test_font.height || x < 1 || x > n + 1);
		}
	CHECK(solid >= 10);  /* the stems of H */
	CHECK(partial >= 4); /* the round of 'o' */
	CHECK_EQ(outside, 0);
}

/* into a transparent buffer: the colour stays, the alpha plane gets the glyph's */
static void
font_draw_alpha_plane(void)
{
	surf_reset(true);
	gfx_font_draw(&surf, &gfx_test_font, 0, -4, "oo", 0x07e0);
	unsigned drawn = 0;
	for (int i = 0; i < W * H; i++) {
		uint8_t a = amem[GUARD + i];
		drawn += a != 0;
		if (a)
			CHECK_EQ(mem[GUARD + i], 0x07e0);
		else
			CHECK_EQ(mem[GUARD + i], BG);
	}
	CHECK(drawn > 0);
	CHECK(guards_intact());
}

/* a span of a text draws as that text alone */
static void
font_draw_span(void)
{
	static uint16_t a_px[64 * 24], b_px[64 * 24];
	struct gfx_surface a, b;
	gfx_surface_init(&a, a_px, NULL, 64, 24);
	gfx_surface_init(&b, b_px, NULL, 64, 24);
	gfx_fill(&a, gfx_surface_area(&a), BG);
	gfx_fill(&b, gfx_surface_area(&b), BG);
	int wa = gfx_font_draw_n(&a, &gfx_test_font, 1, 1, "Hello world", 5, FG);
	int wb = gfx_font_draw(&b, &gfx_test_font, 1, 1, "Hello", FG);
	CHECK_EQ(wa, wb);
	CHECK(memcmp(a_px, b_px, sizeof(a_px)) == 0);
	/* and the width of a clipped span is still the span's */
	CHECK_EQ(gfx_font_draw_n(&a, &gfx_test_font, 60, 1, "Hello world", 7, FG),
	         gfx_font_text_width(&gfx_test_font, "Hello w"));
}

const struct test_case gfx_font_draw_cases[] = {
        TEST_CASE(font_draw_span),  TEST_CASE(font_draw_clipped),     TEST_CASE(font_draw_hostile),
        TEST_CASE(font_draw_alpha), TEST_CASE(font_draw_alpha_plane),
};
const unsigned gfx_font_draw_case_count =
        sizeof(gfx_font_draw_cases) / sizeof(gfx_font_draw_cases[0]);
