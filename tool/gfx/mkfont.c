/*
 * \brief  Build-time tool: a TrueType font at one pixel size -> font module
 *
 *   mkfont <font.ttf> <pixel size> <out.gft>
 *
 * Renders characters 32..255 (Latin-1) with FreeType, anti-aliased, into
 * the format of include/gfx/font_format.h. It runs on the build machine
 * only, so components need no FreeType: they read the result with
 * gfx_font_parse. Characters the font lacks get an empty glyph.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_DRIVER_H
#include FT_MODULE_H

#include <gfx/font_format.h>

static void
die(const char *what, const char *detail)
{
	fprintf(stderr, "mkfont: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	exit(1);
}

static uint8_t header[GFX_FONT_TABLE_END];
static uint8_t *map; /* the alpha map, grown as glyphs come (OWNED) */
static size_t map_size;

static void
put16(uint8_t *p, int v)
{
	p[0] = (uint8_t)(v & 0xff);
	p[1] = (uint8_t)((v >> 8) & 0xff);
}

static void
put32(uint8_t *p, uint32_t v)
{
	put16(p, (int)(v & 0xffff));
	put16(p + 2, (int)(v >> 16));
}

/* append the rendered bitmap to the map, row by row (pitch may differ from width) */
static uint32_t
map_append(const FT_Bitmap *b)
{
	uint32_t offset = (uint32_t)map_size;
	map = realloc(map, map_size + (size_t)b->width * b->rows + 1);
	if (!map)
		die("out of memory", NULL);
	for (unsigned y = 0; y < b->rows; y++)
		memcpy(map + map_size + (size_t)y * b->width, b->buffer + (long)y * b->pitch,
		       b->width);
	map_size += (size_t)b->width * b->rows;
	return offset;
}

static void
glyph_render(FT_Face face, unsigned c, int ascent)
{
	uint8_t *g = header + GFX_FONT_HEADER + (c - GFX_FONT_FIRST) * GFX_FONT_GLYPH;
	memset(g, 0, GFX_FONT_GLYPH);
	if (FT_Get_Char_Index(face, c) == 0)
		return;
	if (FT_Load_Char(face, c, FT_LOAD_RENDER))
		die("cannot render a glyph", NULL);
	FT_GlyphSlot s = face->glyph;
	long advance = (s->advance.x + 32) >> 6;
	int top = ascent - s->bitmap_top;
	if (s->bitmap.width > 255 || s->bitmap.rows > 255 || advance > 255 || advance < 0 ||
	    abs(s->bitmap_left) > GFX_FONT_MAX_BEARING || abs(top) > GFX_FONT_MAX_BEARING)
		die("glyph too large for the format at this size", NULL);
	if (s->bitmap.pixel_mode != FT_PIXEL_MODE_GRAY)
		die("FreeType rendered no 8-bit grey bitmap", NULL);
	put32(g, map_append(&s->bitmap));
	g[4] = (uint8_t)s->bitmap.width;
	g[5] = (uint8_t)s->bitmap.rows;
	g[6] = (uint8_t)advance;
	put16(g + 8, s->bitmap_left);
	put16(g + 10, top);
}

static void
font_write(const char *path)
{
	char tmp[4096];
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	FILE *f = fopen(tmp, "wb");
	if (!f)
		die("cannot write", tmp);
	put32(header + 12, (uint32_t)map_size);
	if (fwrite(header, sizeof(header), 1, f) != 1 ||
	    (map_size && fwrite(map, map_size, 1, f) != 1) || fclose(f) != 0)
		die("cannot write", tmp);
	/* make never sees a half-written module */
	if (rename(tmp, path) != 0)
		die("cannot rename to", path);
}

int
main(int argc, char **argv)
{
	FT_Library lib;
	FT_Face face;
	int px = argc == 4 ? atoi(argv[2]) : 0;
	if (px < 4 || px > 64)
		die("usage: mkfont <font.ttf> <pixel size 4..64> <out.gft>", NULL);
	if (FT_Init_FreeType(&lib))
		die("cannot start FreeType", NULL);
	/* the font's own hinting in both directions: crisp stems at small sizes */
	FT_UInt v35 = TT_INTERPRETER_VERSION_35;
	FT_Property_Set(lib, "truetype", "interpreter-version", &v35);
	if (FT_New_Face(lib, argv[1], 0, &face))
		die("cannot open the font", argv[1]);
	if (FT_Set_Pixel_Sizes(face, 0, (FT_UInt)px))
		die("cannot scale the font", argv[1]);
	/* 26.6 fixed point, rounded outwards so that no glyph leaves its line */
	int ascent = (int)((face->size->metrics.ascender + 63) >> 6);
	int descent = (int)((-face->size->metrics.descender + 63) >> 6);
	memcpy(header, GFX_FONT_MAGIC, 4);
	put16(header + 4, GFX_FONT_VERSION);
	put16(header + 6, ascent + descent);
	put16(header + 8, ascent);
	put16(header + 10, GFX_FONT_GLYPHS);
	for (unsigned c = GFX_FONT_FIRST; c < GFX_FONT_FIRST + GFX_FONT_GLYPHS; c++)
		glyph_render(face, c, ascent);
	font_write(argv[3]);
	FT_Done_Face(face);
	FT_Done_FreeType(lib);
	return 0;
}
