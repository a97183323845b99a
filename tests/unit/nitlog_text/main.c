/*
 * \brief  Unit test: nitlog's lines: label prefix, sanitising, wrapping, scrolling
 *
 * A fixed-width stand-in for the font (10 pixels per byte) makes the
 * wrap points exact.
 */

#include <util/string.h>

#include "../../../demo/nitlog/text.h"
#include "../../harness/harness.h"

static int
fixed_width(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	(void)s;
	return (int)n * 10;
}

static struct nitlog_row rows[4];
static struct nitlog_text t;

static void
setup(int width)
{
	nitlog_text_init(&t, rows, 4, width, fixed_width, 0);
}

static void
label_prefix(void)
{
	setup(1000);
	CHECK_EQ(nitlog_text_add(&t, "init -> testnit", "hello", 7), 1);
	CHECK_EQ(t.count, 1);
	CHECK_STR(nitlog_text_row(&t, 0)->text, "[init -> testnit] hello");
	CHECK_EQ(nitlog_text_row(&t, 0)->color, 7);
}

static void
wraps_at_width(void)
{
	setup(100); /* 10 bytes a row */
	CHECK_EQ(nitlog_text_add(&t, "a", "0123456789abcdefg", 1), 3);
	CHECK_STR(nitlog_text_row(&t, 0)->text, "[a] 012345");
	CHECK_STR(nitlog_text_row(&t, 1)->text, "6789abcdef");
	CHECK_STR(nitlog_text_row(&t, 2)->text, "g");
	CHECK_EQ(t.count, 3);
	CHECK_EQ(nitlog_text_add(&t, "a", "0123456789abcdef", 1), 2); /* no empty row after */
}

static void
wraps_exactly(void)
{
	setup(100);
	CHECK_EQ(nitlog_text_add(&t, "a", "012345", 1), 1);
	CHECK_STR(nitlog_text_row(&t, 0)->text, "[a] 012345");
}

static void
scrolls_when_full(void)
{
	setup(1000);
	for (int i = 0; i < 6; i++) {
		char text[8] = "line0";
		text[4] = (char)('0' + i);
		nitlog_text_add(&t, "x", text, (uint16_t)i);
	}
	CHECK_EQ(t.count, 4);
	CHECK_STR(nitlog_text_row(&t, 0)->text, "[x] line2");
	CHECK_STR(nitlog_text_row(&t, 3)->text, "[x] line5");
	CHECK_EQ(nitlog_text_row(&t, 3)->color, 5);
	CHECK_EQ(t.lines, 6);
}

static void
control_characters_escaped(void)
{
	setup(10000);
	nitlog_text_add(&t, "ev\nil", "a\nb\x1b[2Jc\xff", 1);
	CHECK_STR(nitlog_text_row(&t, 0)->text, "[ev\\nil] a\\nb\\x1b[2Jc\\xff");
}

static void
overlong_cut(void)
{
	static char label[400], text[2000];
	mem_set(label, 1, sizeof(label) - 1); /* each escapes to 4 bytes */
	mem_set(text, 'x', sizeof(text) - 1);
	nitlog_text_init(&t, rows, 4, 1 << 30, fixed_width, 0);
	unsigned n = nitlog_text_add(&t, label, text, 1);
	/* one line is cut to NITLOG_LINE_MAX bytes, rows to NITLOG_ROW_MAX - 1 */
	CHECK_EQ(n, (NITLOG_LINE_MAX + NITLOG_ROW_MAX - 2) / (NITLOG_ROW_MAX - 1));
	CHECK_EQ(t.count, 4); /* 5 rows into 4: the first scrolled out */
	for (unsigned i = 0; i < t.count; i++)
		CHECK(str_len(nitlog_text_row(&t, i)->text) < NITLOG_ROW_MAX);
	/* the label's escapes filled the line but for "] " and one byte of text */
	const char *last = nitlog_text_row(&t, 3)->text;
	CHECK_EQ(str_len(last), NITLOG_LINE_MAX - 4 * (NITLOG_ROW_MAX - 1));
	CHECK_STR(last + str_len(last) - 3, "] x");
}

static void
narrow_window(void)
{
	setup(1); /* not even one character fits: still one per row, no endless loop */
	CHECK_EQ(nitlog_text_add(&t, "", "ab", 1), 5);
	CHECK_STR(nitlog_text_row(&t, 3)->text, "b");
	struct nitlog_text none;
	nitlog_text_init(&none, rows, 0, 100, fixed_width, 0);
	CHECK_EQ(nitlog_text_add(&none, "a", "b", 1), 0);
}

static void
utf8_kept_whole(void)
{
	setup(30); /* 3 bytes a row: a two-byte character never splits */
	nitlog_text_add(&t, "", "\xc3\xa4\xc3\xa4", 1);
	CHECK_STR(nitlog_text_row(&t, 0)->text, "[] ");
	CHECK_STR(nitlog_text_row(&t, 1)->text, "\xc3\xa4");
	CHECK_STR(nitlog_text_row(&t, 2)->text, "\xc3\xa4");
}

static void
label_colors(void)
{
	CHECK_EQ(nitlog_label_color("init -> a"), nitlog_label_color("init -> a"));
	CHECK(nitlog_label_color("init -> a") != 0);
}

TEST_MAIN(TEST_CASE(label_prefix), TEST_CASE(wraps_at_width), TEST_CASE(wraps_exactly),
          TEST_CASE(scrolls_when_full), TEST_CASE(control_characters_escaped),
          TEST_CASE(overlong_cut), TEST_CASE(narrow_window), TEST_CASE(utf8_kept_whole),
          TEST_CASE(label_colors))
