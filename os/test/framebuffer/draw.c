/*
 * \brief  test-framebuffer: the pictures and the hostile refreshes
 *
 * Places are chosen to fit the smallest mode (640x480) and to be found
 * again by run/fb_sdl.run, which names the same numbers.
 */

#include <base/log.h>
#include <framebuffer_session/client.h>

#include "test_framebuffer.h"

void
fb_test_fill(struct fb_test_screen *s, uint32_t x, uint32_t y, uint32_t w, uint32_t h,
             uint16_t colour)
{
	for (uint32_t row = y; row < y + h && row < s->height; row++)
		for (uint32_t col = x; col < x + w && col < s->width; col++)
			s->pixels[(uint64_t)row * s->width + col] = colour;
}

static bool
refresh(struct fb_test_screen *s, int32_t x, int32_t y, int32_t w, int32_t h)
{
	status_t st = framebuffer_session_refresh(s->fb, x, y, w, h);

	if (st != STATUS_OK)
		log_error("refresh(%d, %d, %d, %d) failed: %s", (int)x, (int)y, (int)w, (int)h,
		          status_name(st));
	return st == STATUS_OK;
}

bool
fb_test_draw(struct fb_test_screen *s)
{
	fb_test_fill(s, 0, 0, s->width, s->height, FB_TEST_BACKGROUND);
	fb_test_fill(s, 40, 40, 120, 80, FB_TEST_RED);
	fb_test_fill(s, 200, 40, 120, 80, FB_TEST_GREEN);
	fb_test_fill(s, 360, 40, 120, 80, FB_TEST_BLUE);
	fb_test_fill(s, 40, 160, 120, 80, FB_TEST_WHITE);
	return refresh(s, 0, 0, (int32_t)s->width, (int32_t)s->height);
}

bool
fb_test_hostile(struct fb_test_screen *s)
{
	int32_t w = (int32_t)s->width, h = (int32_t)s->height;

	fb_test_fill(s, 0, 300, 100, 100, FB_TEST_MAGENTA);
	fb_test_fill(s, s->width - 100, s->height - 100, 100, 100, FB_TEST_YELLOW);
	fb_test_fill(s, 200, 300, 100, 100, FB_TEST_CYAN);
	/* nothing of these is inside: no pixel may change, the server must live */
	bool ok = refresh(s, INT32_MIN, INT32_MIN, INT32_MAX, INT32_MAX) &&
	          refresh(s, INT32_MAX, INT32_MAX, INT32_MAX, INT32_MAX) &&
	          refresh(s, 0, 0, -5, -5) && refresh(s, 150, 330, INT32_MIN, 10) &&
	          refresh(s, w, h, 10, 10) && refresh(s, -10, -10, 10, 10) &&
	          refresh(s, INT32_MIN, 300, 100, 100);
	/* partly inside: the magenta square from the left, the yellow one to the corner */
	ok = ok && refresh(s, -50, 300, 150, 100) &&
	     refresh(s, w - 100, h - 100, INT32_MAX, INT32_MAX);
	return ok;
}
