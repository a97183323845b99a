/*
 * \brief  fb_driver: a client's refresh rectangle clipped to the buffer
 *
 * The four values come from the client. Sums are made in 64 bits, where
 * two 32-bit values cannot overflow, and negative sizes mean nothing.
 */

#include <os/fb_driver.h>

static int64_t
clamp(int64_t v, int64_t lo, int64_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

bool
fb_rect_clip(int32_t x, int32_t y, int32_t w, int32_t h, uint32_t width, uint32_t height,
             struct fb_rect *out)
{
	if (w <= 0 || h <= 0)
		return false;
	int64_t x0 = clamp(x, 0, width), x1 = clamp((int64_t)x + w, 0, width);
	int64_t y0 = clamp(y, 0, height), y1 = clamp((int64_t)y + h, 0, height);
	if (x0 >= x1 || y0 >= y1)
		return false;
	*out = (struct fb_rect){.x = (uint32_t)x0,
	                        .y = (uint32_t)y0,
	                        .w = (uint32_t)(x1 - x0),
	                        .h = (uint32_t)(y1 - y0)};
	return true;
}
