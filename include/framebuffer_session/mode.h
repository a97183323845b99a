/*
 * \brief  Pixel formats and modes of the Framebuffer session
 *
 * One format for now, RGB565 (10.02's VESA and SDL drivers offered only
 * that): 16 bits per pixel, red in the top five bits, little endian.
 */

#ifndef _INCLUDE__FRAMEBUFFER_SESSION__MODE_H_
#define _INCLUDE__FRAMEBUFFER_SESSION__MODE_H_

#include <stddef.h>
#include <stdint.h>

enum framebuffer_format {
	FRAMEBUFFER_FORMAT_INVALID = 0,
	FRAMEBUFFER_FORMAT_RGB565 = 1,
};

/* bytes of one pixel of format, 0 for an invalid one */
static inline size_t
framebuffer_format_bytes(uint32_t format)
{
	return format == FRAMEBUFFER_FORMAT_RGB565 ? 2 : 0;
}

/*
 * Bytes of a buffer of w x h pixels of format, with alpha (nitpicker's
 * alpha=yes) one byte per pixel behind the pixels; 0 if any is invalid.
 */
static inline size_t
framebuffer_buffer_bytes(uint32_t w, uint32_t h, uint32_t format, int alpha)
{
	size_t px = framebuffer_format_bytes(format);

	return (size_t)w * h * (px + (alpha ? 1 : 0));
}

#endif /* _INCLUDE__FRAMEBUFFER_SESSION__MODE_H_ */
