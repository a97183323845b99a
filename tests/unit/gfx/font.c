/*
 * \brief  Unit test of gfx fonts: a real module, hostile copies, drawing
 *
 * The module is the build's font_text.gft, copied beside this program
 * (tool/mk/gfx.mk) so that the i386 run in the VM finds it too. Copies
 * of it are made with malloc of their exact size, so that a read beyond a
 * module is caught by ASan in the SAN build.
 */

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <base/log.h>
#include <gfx/font.h>
#include <gfx/font_format.h>

#include "gfx_test.h"

static uint8_t *font_data; /* OWNED, the real module */
static size_t font_size;
struct gfx_font gfx_test_font;
#define font gfx_test_font
char gfx_test_last_line[LOG_LINE_MAX + 1];
#define last_line gfx_test_last_line

/* the log of gfx goes here: a refusal is checked by the line it writes */
void
log_output_line(const char *line, size_t len)
{
	printf("  log: %.*s\n", (int)len, line);
	snprintf(last_line, sizeof(last_line), "%.*s", (int)len, line);
}

bool
gfx_test_load(const char *dir, const char *name, uint8_t **data, size_t *size)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	long n = f && fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
	*data = n > 0 ? malloc((size_t)n) : NULL;
	bool ok = *data && fseek(f, 0, SEEK_SET) == 0 && fread(*data, (size_t)n, 1, f) == 1;
	if (f)
		fclose(f);
	*size = ok ? (size_t)n : 0;
	if (!ok)
		printf("  cannot read %s\n", path);
	return ok;
}

static void
font_real_module(void)
{
	if (!CHECK(gfx_test_load(gfx_test_dir, "test-gfx-font.gft", &font_data, &font_size)))
		exit(1); /* every other case needs it */
	CHECK_EQ(gfx_font_parse(&font, font_data, font_size), STATUS_OK);
	/* DejaVu Sans at 16 px: a line of 19, baseline 15 */
	CHECK(font.height >= 16 && font.height <= 22);
	CHECK(font.baseline > font.height / 2 && font.baseline < font.height);
	CHECK_PTR_EQ(font.data, font_data);
}

static void
font_refuses(const uint8_t *copy, size_t size)
{
	struct gfx_font f = {0};
	CHECK_EQ(gfx_font_parse(&f, copy, size), STATUS_INVALID_ARGS);
	CHECK(f.data == NULL);
}

/* the real module, changed by edit, exactly size bytes */
static void
refused(size_t size, void (*edit)(uint8_t *), const char *defect)
{
	gfx_test_refused(font_data, font_size, size, edit, font_refuses, defect);
}

static uint8_t *
glyph_of(uint8_t *d, unsigned c)
{
	return d + GFX_FONT_HEADER + (c - GFX_FONT_FIRST) * GFX_FONT_GLYPH;
}

static void
edit_magic(uint8_t *d)
{
	d[0] = 'X';
}
static void
edit_version(uint8_t *d)
{
	d[4] = 2;
}
static void
edit_count(uint8_t *d)
{
	d[10] = 100;
}
static void
edit_height0(uint8_t *d)
{
	d[6] = d[7] = 0;
}
static void
edit_height_big(uint8_t *d)
{
	d[7] = 1;
}
static void
edit_baseline(uint8_t *d)
{
	d[8] = (uint8_t)(d[6] + 1);
}
static void
edit_map_size(uint8_t *d)
{
	d[15] = 0x80;
}
static void
edit_offset_wrap(uint8_t *d)
{
	memset(glyph_of(d, 'A'), 0xff, 4);
}

static void
edit_offset_end(uint8_t *d)
{
	/* 'A' ends one byte beyond the map */
	uint8_t *g = glyph_of(d, 'A');
	uint32_t end = gfx_le32(d + 12) - (uint32_t)(g[4] * g[5]) + 1;
	memcpy(g, (uint8_t[]){end & 0xff, (end >> 8) & 0xff, (end >> 16) & 0xff, end >> 24}, 4);
}

static void
edit_reserved(uint8_t *d)
{
	glyph_of(d, 'B')[7] = 1;
}
static void
edit_bearing(uint8_t *d)
{
	glyph_of(d, 'C')[9] = 0x7f;
}
static void
edit_top(uint8_t *d)
{
	glyph_of(d, 0xff)[11] = 0x80;
}

static void
font_refused_defects(void)
{
	size_t table = GFX_FONT_TABLE_END;
	refused(0, NULL, "shorter than header and glyph table");
	refused(10, NULL, "shorter than header and glyph table");
	refused(table - 1, NULL, "shorter than header and glyph table");
	refused(table, NULL, "alpha map of");
	refused(font_size - 1, NULL, "exceeds the module");
	refused(font_size, edit_magic, "magic");
	refused(font_size, edit_version, "version 2");
	refused(font_size, edit_count, "with 100 glyphs");
	refused(font_size, edit_height0, "line height 0");
	refused(font_size, edit_height_big, "out of range");
	refused(font_size, edit_baseline, "baseline");
	refused(font_size, edit_map_size, "exceeds the module");
	refused(font_size, edit_offset_wrap, "glyph 65: bitmap");
	refused(font_size, edit_offset_end, "glyph 65: bitmap");
	refused(font_size, edit_reserved, "glyph 66: reserved byte 1");
	refused(font_size, edit_bearing, "glyph 67");
	refused(font_size, edit_top, "glyph 255");
	last_line[0] = 0;
	CHECK_EQ(gfx_font_parse(&font, NULL, 100), STATUS_INVALID_ARGS);
	CHECK(strstr(last_line, "no module"));
	CHECK_EQ(gfx_font_parse(&font, font_data, font_size), STATUS_OK);
}

static int
advance(unsigned c)
{
	return glyph_of(font_data, c)[6];
}

static void
font_text_width(void)
{
	CHECK_EQ(gfx_font_text_width(&font, ""), 0);
	CHECK_EQ(gfx_font_text_width(&font, "ii"), 2 * advance('i'));
	CHECK_EQ(gfx_font_text_width(&font, "Wi"), advance('W') + advance('i'));
	CHECK(advance('W') > advance('i'));                                 /* proportional */
	CHECK_EQ(gfx_font_text_width(&font, "\xc3\xa9"), advance(0xe9));    /* U+00E9 */
	CHECK_EQ(gfx_font_text_width(&font, "\xe2\x82\xac"), advance('?')); /* U+20AC */
	CHECK_EQ(gfx_font_text_width(&font, "\xc2\x85"), advance('?'));     /* a C1 control */
	CHECK_EQ(gfx_font_text_width(&font, "\xff\t"), 2 * advance('?'));
	CHECK_EQ(gfx_font_text_width(&font, "\xc3"), advance('?')); /* cut short */
	CHECK_EQ(gfx_font_text_width(&font, "\x80x"), advance('?') + advance('x'));
}

/* a word inside a longer text, measured without a copy; what fits a width */
static void
font_text_spans(void)
{
	CHECK_EQ(gfx_font_text_width_n(&font, "Hello", 2), gfx_font_text_width(&font, "He"));
	CHECK_EQ(gfx_font_text_width_n(&font, "ab", 100), gfx_font_text_width(&font, "ab"));
	CHECK_EQ(gfx_font_text_width_n(&font, "ab", 0), 0);
	/* a character cut by the length is malformed there: '?' */
	CHECK_EQ(gfx_font_text_width_n(&font, "\xc3\xa9", 1), advance('?'));
	/* no byte beyond len is read (ASan in the SAN build): no NUL in this copy */
	char *word = malloc(5);
	memcpy(word, "Wor\xc3\xa9", 5);
	CHECK_EQ(gfx_font_text_width_n(&font, word, 5), gfx_font_text_width(&font, "Wor\xc3\xa9"));
	CHECK_EQ(gfx_font_text_width_n(&font, word, 4), gfx_font_text_width(&font, "Wor?"));
	free(word);

	int hel = gfx_font_text_width(&font, "Hel");
	CHECK_EQ(gfx_font_fit(&font, "Hello", hel), 3);
	CHECK_EQ(gfx_font_fit(&font, "Hello", hel + advance('l') - 1), 3);
	CHECK_EQ(gfx_font_fit(&font, "Hello", hel + advance('l')), 4);
	CHECK_EQ(gfx_font_fit(&font, "Hello", INT_MAX), 5);
	CHECK_EQ(gfx_font_fit(&font, "Hello", 0), 0);
	CHECK_EQ(gfx_font_fit(&font, "Hello", INT_MIN), 0);
	CHECK_EQ(gfx_font_fit(&font, "\xc3\xa9!", advance(0xe9)), 2); /* whole characters */
	CHECK_EQ(gfx_font_fit(&font, "\xc3\xa9!", advance(0xe9) - 1), 0);
}

/* a line of 2^31 / 255 + 1 glyphs of advance 255 is wider than an int */
static void
font_width_saturates(void)
{
	uint8_t *copy = malloc(font_size);
	memcpy(copy, font_data, font_size);
	glyph_of(copy, 'W')[6] = 255;
	struct gfx_font f;
	CHECK_EQ(gfx_font_parse(&f, copy, font_size), STATUS_OK);
	size_t n = (size_t)INT_MAX / 255 + 2;
	char *text = malloc(n + 1);
	memset(text, 'W', n);
	text[n] = 0;
	CHECK_EQ(gfx_font_text_width(&f, text), INT_MAX);
	surf_reset(false);
	CHECK_EQ(gfx_font_draw(&surf, &f, INT_MAX, 0, text, FG), INT_MAX);
	CHECK(guards_intact());
	free(text);
	free(copy);
}

const struct test_case gfx_font_cases[] = {
        TEST_CASE(font_real_module), TEST_CASE(font_refused_defects), TEST_CASE(font_text_width),
        TEST_CASE(font_text_spans),  TEST_CASE(font_width_saturates),
};
const unsigned gfx_font_case_count = sizeof(gfx_font_cases) / sizeof(gfx_font_cases[0]);
