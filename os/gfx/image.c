/*
 * \brief  Checking an image module before use (library gfx)
 *
 * The module is untrusted: its size fields are checked against what it
 * holds, in 64 bits so that no width * height wraps on a 32-bit target,
 * before a surface is made over its pixels.
 */

#include <stdint.h>

#include <base/log.h>
#include <gfx/font_format.h>
#include <gfx/image.h>
#include <gfx/image_format.h>
#include <util/string.h>

static status_t
image_header_check(const uint8_t *d, size_t size, uint32_t *w, uint32_t *h, unsigned *flags)
{
	if (size < GFX_IMAGE_HEADER || mem_compare(d, GFX_IMAGE_MAGIC, 4) != 0) {
		log_error("image: no image module (%zu bytes, magic is not \"%s\")", size,
		          GFX_IMAGE_MAGIC);
		return STATUS_INVALID_ARGS;
	}
	unsigned version = gfx_le16(d + 4);
	*flags = gfx_le16(d + 6);
	if (version != GFX_IMAGE_VERSION || (*flags & ~(unsigned)GFX_IMAGE_ALPHA)) {
		log_error("image: version %u with flags %#x, expected version %d", version, *flags,
		          GFX_IMAGE_VERSION);
		return STATUS_INVALID_ARGS;
	}
	*w = gfx_le32(d + 8);
	*h = gfx_le32(d + 12);
	if (*w == 0 || *h == 0 || *w > GFX_IMAGE_MAX || *h > GFX_IMAGE_MAX) {
		log_error("image: size %ux%u out of range (1..%d each)", (unsigned)*w, (unsigned)*h,
		          GFX_IMAGE_MAX);
		return STATUS_INVALID_ARGS;
	}
	return STATUS_OK;
}

status_t
gfx_image_parse(struct gfx_surface *img, const void *data, size_t size)
{
	const uint8_t *d = data;
	uint32_t w = 0, h = 0;
	unsigned flags = 0;
	if (!d || ((uintptr_t)d & 1u)) {
		log_error("image: module missing or at an odd address");
		return STATUS_INVALID_ARGS;
	}
	status_t s = image_header_check(d, size, &w, &h, &flags);
	if (s != STATUS_OK)
		return s;
	/* at most 3 * 2^28 bytes: no wrap in 64 bits, nor beyond size_t once checked */
	uint64_t count = (uint64_t)w * h;
	uint64_t need = GFX_IMAGE_HEADER + count * ((flags & GFX_IMAGE_ALPHA) ? 3u : 2u);
	if (need > size) {
		log_error("image: %ux%u needs %llu bytes, the module has %zu", (unsigned)w,
		          (unsigned)h, (unsigned long long)need, size);
		return STATUS_INVALID_ARGS;
	}
	/* read-only in fact: the surface type has writable pointers (image.h says so) */
	uint16_t *pixels = (uint16_t *)(uintptr_t)(d + GFX_IMAGE_HEADER);
	uint8_t *alpha = (flags & GFX_IMAGE_ALPHA)
	                         ? (uint8_t *)(uintptr_t)(d + GFX_IMAGE_HEADER + count * 2u)
	                         : NULL;
	gfx_surface_init(img, pixels, alpha, (int)w, (int)h);
	return STATUS_OK;
}
