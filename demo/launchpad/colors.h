/*
 * \brief  launchpad's colours (0xRRGGBB), shared with the test that reads its pixels
 */

#ifndef _DEMO__LAUNCHPAD__COLORS_H_
#define _DEMO__LAUNCHPAD__COLORS_H_

#include <gfx/surface.h>

enum {
	LAUNCHPAD_BACKGROUND = 0x303038,
	LAUNCHPAD_TEXT = 0xf0f0f0,
	LAUNCHPAD_DIM = 0xa0a0b0,
	LAUNCHPAD_BAR_FRAME = 0x8090a0,
	LAUNCHPAD_BAR_FILL = 0x3050b0,
	LAUNCHPAD_KILL = 0xa03030,
};

/* the RGB565 pixel of rgb */
static inline uint16_t
launchpad_color(unsigned rgb)
{
	return gfx_rgb(rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff);
}

#endif /* _DEMO__LAUNCHPAD__COLORS_H_ */
