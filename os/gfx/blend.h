/*
 * \brief  Blending one RGB565 pixel (library gfx, internal)
 *
 * Colours are not premultiplied. Blending into a surface with an alpha
 * plane composes "over" it: where the destination is transparent the
 * source colour is kept as it is (not darkened by what lay below), so a
 * client can build a translucent buffer that nitpicker blends later.
 */

#ifndef _OS__GFX__BLEND_H_
#define _OS__GFX__BLEND_H_

#include <stddef.h>
#include <stdint.h>

#include <gfx/surface.h>

/* x / 255 rounded down, exact for x < 65535 (checked for every x), without a division */
static inline unsigned
gfx_div255(unsigned x)
{
	return (x + 1u + (x >> 8)) >> 8;
}

/* one channel (at most 63): weight a (0..255) of s, the rest of d, rounded */
static inline unsigned
gfx_mix_channel(unsigned d, unsigned s, unsigned a)
{
	return gfx_div255(s * a + d * (255u - a) + 127u);
}

/* weight a (0..255) of src over dst */
static inline uint16_t
gfx_mix(uint16_t dst, uint16_t src, unsigned a)
{
	unsigned r = gfx_mix_channel(dst >> 11, src >> 11, a);
	unsigned g = gfx_mix_channel((dst >> 5) & 0x3fu, (src >> 5) & 0x3fu, a);
	unsigned b = gfx_mix_channel(dst & 0x1fu, src & 0x1fu, a);
	return (uint16_t)((r << 11) | (g << 5) | b);
}

/* put color with opacity a (0..255) at pixel i of s */
static inline void
gfx_put(struct gfx_surface *s, size_t i, uint16_t color, unsigned a)
{
	if (!s->alpha) {
		s->pixels[i] = gfx_mix(s->pixels[i], color, a);
		return;
	}
	unsigned da = s->alpha[i];
	unsigned out = a + gfx_div255(da * (255u - a) + 127u);
	if (out == 0)
		return;
	/* the source's share of the result: a / out (out >= a) */
	s->pixels[i] = gfx_mix(s->pixels[i], color, (a * 255u + out / 2u) / out);
	s->alpha[i] = (uint8_t)out;
}

/* the index of pixel (x, y), which the caller has clipped to s */
static inline size_t
gfx_index(const struct gfx_surface *s, int x, int y)
{
	return (size_t)y * (size_t)s->w + (size_t)x;
}

#endif /* _OS__GFX__BLEND_H_ */
