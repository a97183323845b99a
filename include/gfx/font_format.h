/*
 * \brief  The layout of a font module (.gft), shared by gfx and its tool
 *
 * All numbers little-endian, read byte by byte (a module need not be
 * aligned). doc/gui.md, "Fonts", describes the format in words.
 *
 *   header      GFX_FONT_HEADER bytes
 *     0  magic      "GFNT"
 *     4  u16        version (GFX_FONT_VERSION)
 *     6  u16        line height in pixels, 1..GFX_FONT_MAX_HEIGHT
 *     8  u16        baseline, from the line's top, 0..height
 *    10  u16        glyph count, GFX_FONT_GLYPHS (characters 32..255)
 *    12  u32        size of the alpha map in bytes
 *   glyph records, GFX_FONT_GLYPH bytes each, for characters 32, 33, ...
 *     0  u32        offset of the glyph's bitmap in the alpha map
 *     4  u8         bitmap width
 *     5  u8         bitmap height
 *     6  u8         advance: where the next glyph starts, from this one's
 *     7  u8         reserved, 0
 *     8  s16        left bearing: the bitmap's left edge from the pen
 *    10  s16        top: the bitmap's top edge from the line's top
 *   alpha map   one byte per bitmap pixel, rows of width bytes, 255 opaque
 */

#ifndef _INCLUDE__GFX__FONT_FORMAT_H_
#define _INCLUDE__GFX__FONT_FORMAT_H_

#include <stdint.h>

enum {
	GFX_FONT_VERSION = 1,
	GFX_FONT_FIRST = 32, /* the character of the first glyph record */
	GFX_FONT_GLYPHS = 224,
	GFX_FONT_HEADER = 16,
	GFX_FONT_GLYPH = 12,
	GFX_FONT_TABLE_END = GFX_FONT_HEADER + GFX_FONT_GLYPHS * GFX_FONT_GLYPH,
	GFX_FONT_MAX_HEIGHT = 255,
	GFX_FONT_MAX_BEARING = 255, /* |left bearing| and |top| at most this */
};

#define GFX_FONT_MAGIC "GFNT"

static inline uint16_t
gfx_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | (unsigned)p[1] << 8);
}

static inline uint32_t
gfx_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline int
gfx_les16(const uint8_t *p)
{
	unsigned v = gfx_le16(p);
	return v < 0x8000u ? (int)v : (int)v - 0x10000;
}

#endif /* _INCLUDE__GFX__FONT_FORMAT_H_ */
