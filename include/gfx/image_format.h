/*
 * \brief  The layout of an image module (.gfi), shared by gfx and its tool
 *
 * Little-endian. The pixels are used in place (gfx_image_parse makes a
 * surface over them), so they are stored as the targets' uint16_t are:
 * little-endian RGB565, at an even offset. doc/gui.md, "Images".
 *
 *   header      GFX_IMAGE_HEADER bytes
 *     0  magic      "GFIM"
 *     4  u16        version (GFX_IMAGE_VERSION)
 *     6  u16        flags: GFX_IMAGE_ALPHA, no other bit set
 *     8  u32        width, 1..GFX_IMAGE_MAX
 *    12  u32        height, 1..GFX_IMAGE_MAX
 *   pixels      width * height RGB565, rows top to bottom, no padding
 *   alpha       width * height bytes (255 opaque), only with GFX_IMAGE_ALPHA
 */

#ifndef _INCLUDE__GFX__IMAGE_FORMAT_H_
#define _INCLUDE__GFX__IMAGE_FORMAT_H_

enum {
	GFX_IMAGE_VERSION = 1,
	GFX_IMAGE_HEADER = 16,
	GFX_IMAGE_ALPHA = 1,   /* flag: an alpha plane follows the pixels */
	GFX_IMAGE_MAX = 16384, /* the largest width and height */
};

#define GFX_IMAGE_MAGIC "GFIM"

#endif /* _INCLUDE__GFX__IMAGE_FORMAT_H_ */
