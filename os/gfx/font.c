/*
 * \brief  Checking a font module before use (library gfx)
 *
 * A font comes from a ROM module, which a component does not trust: every
 * field that drawing uses as an offset or a size is checked here, once, so
 * that drawing needs no checks beyond clipping. A refusal names the defect.
 */

#include <stdint.h>

#include <base/log.h>
#include <gfx/font.h>
#include <gfx/font_format.h>
#include <util/string.h>

static status_t
font_header_check(const uint8_t *d, size_t size, uint32_t *map_size)
{
	if (size < GFX_FONT_TABLE_END) {
		log_error("font: module of %zu bytes is shorter than header and glyph table (%d)",
		          size, GFX_FONT_TABLE_END);
		return STATUS_INVALID_ARGS;
	}
	if (mem_compare(d, GFX_FONT_MAGIC, 4) != 0) {
		log_error("font: no font module (magic is not \"%s\")", GFX_FONT_MAGIC);
		return STATUS_INVALID_ARGS;
	}
	unsigned version = gfx_le16(d + 4), height = gfx_le16(d + 6), baseline = gfx_le16(d + 8);
	unsigned glyphs = gfx_le16(d + 10);
	if (version != GFX_FONT_VERSION || glyphs != GFX_FONT_GLYPHS) {
		log_error("font: version %u with %u glyphs, expected version %d with %d", version,
		          glyphs, GFX_FONT_VERSION, GFX_FONT_GLYPHS);
		return STATUS_INVALID_ARGS;
	}
	if (height == 0 || height > GFX_FONT_MAX_HEIGHT || baseline > height) {
		log_error("font: line height %u or baseline %u out of range (height 1..%d)", height,
		          baseline, GFX_FONT_MAX_HEIGHT);
		return STATUS_INVALID_ARGS;
	}
	*map_size = gfx_le32(d + 12);
	if (*map_size > size - GFX_FONT_TABLE_END) {
		log_error("font: alpha map of %u bytes exceeds the module (%zu bytes after the "
		          "table)",
		          (unsigned)*map_size, size - GFX_FONT_TABLE_END);
		return STATUS_INVALID_ARGS;
	}
	return STATUS_OK;
}

static bool
bearing_ok(int v)
{
	return v >= -GFX_FONT_MAX_BEARING && v <= GFX_FONT_MAX_BEARING;
}

static status_t
font_glyph_check(const uint8_t *g, unsigned c, uint32_t map_size)
{
	uint32_t offset = gfx_le32(g);
	unsigned w = g[4], h = g[5];
	/* 64 bits: offset + w * h cannot wrap */
	if ((uint64_t)offset + (uint64_t)w * h > map_size) {
		log_error("font: glyph %u: bitmap %ux%u at offset %u exceeds the alpha map of %u "
		          "bytes",
		          c, w, h, (unsigned)offset, (unsigned)map_size);
		return STATUS_INVALID_ARGS;
	}
	if (g[7] != 0 || !bearing_ok(gfx_les16(g + 8)) || !bearing_ok(gfx_les16(g + 10))) {
		log_error("font: glyph %u: reserved byte %u, bearing %d or top %d out of range "
		          "(+-%d)",
		          c, g[7], gfx_les16(g + 8), gfx_les16(g + 10), GFX_FONT_MAX_BEARING);
		return STATUS_INVALID_ARGS;
	}
	return STATUS_OK;
}

status_t
gfx_font_parse(struct gfx_font *f, const void *data, size_t size)
{
	const uint8_t *d = data;
	uint32_t map_size = 0;
	if (!d) {
		log_error("font: no module");
		return STATUS_INVALID_ARGS;
	}
	status_t s = font_header_check(d, size, &map_size);
	for (unsigned i = 0; s == STATUS_OK && i < GFX_FONT_GLYPHS; i++)
		s = font_glyph_check(d + GFX_FONT_HEADER + i * GFX_FONT_GLYPH, GFX_FONT_FIRST + i,
		                     map_size);
	if (s != STATUS_OK)
		return s;
	*f = (struct gfx_font){d, size, gfx_le16(d + 6), gfx_le16(d + 8)};
	return STATUS_OK;
}
