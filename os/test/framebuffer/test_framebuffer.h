/*
 * \brief  test-framebuffer: draws known colours, reports the input it gets
 *
 * A client of any Framebuffer and Input service (fb_sdl, later nitpicker):
 * it fills its buffer with FB_TEST_BACKGROUND, draws the rectangles of
 * fb_test_rects, refreshes, and with <config hostile="yes"/> refreshes
 * rectangles a server must clip or ignore (draw.c). Then it logs "drawn
 * WxH" and every input event it receives as a line ("input: press 272 at
 * 150,120"), so that a run script can check pixels and codes. With
 * hold_ms="N" it flushes late (input.c).
 */

#ifndef _OS__TEST__FRAMEBUFFER__TEST_FRAMEBUFFER_H_
#define _OS__TEST__FRAMEBUFFER__TEST_FRAMEBUFFER_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/env.h>
#include <framebuffer_session/rpc.h>

/* RGB565 colours; what the run scripts expect is their 8-bit expansion */
enum {
	FB_TEST_BACKGROUND = 0x2104, /* dark grey, 33,32,33 */
	FB_TEST_RED = 0xf800,
	FB_TEST_GREEN = 0x07e0,
	FB_TEST_BLUE = 0x001f,
	FB_TEST_WHITE = 0xffff,
	FB_TEST_MAGENTA = 0xf81f,
	FB_TEST_YELLOW = 0xffe0,
	FB_TEST_CYAN = 0x07ff,
};

struct fb_test_screen {
	framebuffer_session_cap_t fb; /* OWNED */
	uint16_t *pixels;             /* the session's buffer, mapped */
	uint32_t width, height;
};

/* fill x, y, w, h (inside the screen) with colour, without refreshing */
void fb_test_fill(struct fb_test_screen *s, uint32_t x, uint32_t y, uint32_t w, uint32_t h,
                  uint16_t colour);

/* background and the known rectangles, refreshed; false (logged) on an RPC failure */
bool fb_test_draw(struct fb_test_screen *s);

/*
 * Refresh rectangles that are negative, huge or overflowing: parts of
 * the magenta and yellow squares (drawn unrefreshed before) must appear
 * clipped, the cyan one never refreshed must not. False (logged) if a
 * call failed, e.g. the server died.
 */
bool fb_test_hostile(struct fb_test_screen *s);

/*
 * Open the Input session and log each event it delivers; with hold_ms,
 * flush only that long after the first signal (input.c). False (logged)
 * if a session is missing.
 */
bool fb_test_input_open(struct env *env, uint64_t hold_ms);

#endif /* _OS__TEST__FRAMEBUFFER__TEST_FRAMEBUFFER_H_ */
