/*
 * \brief  Unit test: escaping untrusted text for a console line
 *
 * Pins down util/escape.h: what passes (printable ASCII, well-formed
 * UTF-8 of other scripts, backslash), what is escaped and how (C0
 * controls, DEL, C1 controls, line separators and bidi overrides, every
 * malformed UTF-8 form), and that a cut never splits an escape or a
 * UTF-8 sequence.
 */

#include <string.h>

#include <util/escape.h>

#include "../../harness/harness.h"

/* src (len bytes) escaped into a roomy buffer, as a C string */
static const char *
esc(const char *src, size_t len)
{
	static char out[512];
	size_t consumed = 0;
	size_t n = escape_text(out, sizeof(out) - 1, src, len, &consumed);
	CHECK_EQ(consumed, len);
	out[n] = 0;
	return out;
}

#define ESC(lit) esc(lit, sizeof(lit) - 1)

static void
printable_passes(void)
{
	CHECK_STR(ESC("hello, world [init -> x] ~"), "hello, world [init -> x] ~");
	CHECK_STR(ESC("back\\slash"), "back\\slash");
	CHECK_STR(ESC(""), "");
	/* other scripts stay readable: e-acute, CJK, an emoji */
	CHECK_STR(ESC("caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80"),
	          "caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80");
	/* the last code point of Unicode */
	CHECK_STR(ESC("\xf4\x8f\xbf\xbf"), "\xf4\x8f\xbf\xbf");
}

static void
controls_escaped(void)
{
	CHECK_STR(ESC("a\nb"), "a\\nb");
	CHECK_STR(ESC("\r\t"), "\\r\\t");
	CHECK_STR(ESC("\x1b[2J"), "\\x1b[2J");
	CHECK_STR(ESC("x\by"), "x\\x08y");
	CHECK_STR(ESC("\x7f"), "\\x7f");
	CHECK_STR(esc("a\0b", 3), "a\\x00b");
	CHECK_STR(ESC("\x01\x1f"), "\\x01\\x1f");
	/* the forgery of the issue: it stays on one line */
	CHECK_STR(ESC("x\n[init] child \"victim\" exited with exit value 0"),
	          "x\\n[init] child \"victim\" exited with exit value 0");
}

static void
unicode_controls_escaped(void)
{
	CHECK_STR(ESC("\xc2\x9b"
	              "31m"),
	          "\\xc2\\x9b31m");                        /* C1 CSI */
	CHECK_STR(ESC("\xc2\x85"), "\\xc2\\x85");          /* NEL */
	CHECK_STR(ESC("\xc2\xa0"), "\xc2\xa0");            /* NBSP: printable */
	CHECK_STR(ESC("\xe2\x80\xa8"), "\\xe2\\x80\\xa8"); /* line separator */
	CHECK_STR(ESC("\xe2\x80\xa9"), "\\xe2\\x80\\xa9"); /* paragraph separator */
	CHECK_STR(ESC("\xe2\x80\xae"), "\\xe2\\x80\\xae"); /* right-to-left override */
	CHECK_STR(ESC("\xe2\x81\xa6"), "\\xe2\\x81\\xa6"); /* left-to-right isolate */
	CHECK_STR(ESC("\xe2\x80\x8f"), "\\xe2\\x80\\x8f"); /* right-to-left mark */
	CHECK_STR(ESC("\xe2\x80\x94"), "\xe2\x80\x94");    /* em dash passes */
}

static void
malformed_utf8_escaped(void)
{
	CHECK_STR(ESC("\x80"), "\\x80"); /* stray continuation */
	CHECK_STR(ESC("\xc3"), "\\xc3"); /* truncated at the end */
	CHECK_STR(ESC("\xc3"
	              "A"),
	          "\\xc3A");                                        /* truncated, resynced */
	CHECK_STR(ESC("\xc0\xaf"), "\\xc0\\xaf");                   /* overlong '/' */
	CHECK_STR(ESC("\xc1\x8a"), "\\xc1\\x8a");                   /* overlong newline */
	CHECK_STR(ESC("\xe0\x80\x8a"), "\\xe0\\x80\\x8a");          /* overlong newline, 3 bytes */
	CHECK_STR(ESC("\xed\xa0\x80"), "\\xed\\xa0\\x80");          /* surrogate */
	CHECK_STR(ESC("\xf4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80"); /* beyond U+10FFFF */
	CHECK_STR(ESC("\xf8\x88\x80\x80\x80"), "\\xf8\\x88\\x80\\x80\\x80");
	CHECK_STR(ESC("\xff\xfe"), "\\xff\\xfe");
}

static void
cut_never_splits(void)
{
	char out[16];
	size_t consumed = 99;
	/* "ab" fits, the 4-byte escape of ESC does not fit in 3 remaining bytes */
	CHECK_EQ(escape_text(out, 5,
	                     "ab\x1b"
	                     "c",
	                     4, &consumed),
	         2);
	CHECK_EQ(consumed, 2);
	CHECK_EQ(escape_text(out, 6,
	                     "ab\x1b"
	                     "c",
	                     4, &consumed),
	         6);
	CHECK_EQ(consumed, 3);
	CHECK(memcmp(out, "ab\\x1b", 6) == 0);
	/* a UTF-8 sequence goes whole or not at all */
	CHECK_EQ(escape_text(out, 3, "a\xe4\xb8\xad", 4, &consumed), 1);
	CHECK_EQ(consumed, 1);
	CHECK_EQ(escape_text(out, 0, "a", 1, &consumed), 0);
	CHECK_EQ(consumed, 0);
	CHECK_EQ(escape_text(out, 8, "x", 1, 0), 1); /* consumed is optional */
}

static void
string_form(void)
{
	char out[8];
	escape_string(out, sizeof(out), "a\nb");
	CHECK_STR(out, "a\\nb");
	escape_string(out, sizeof(out), "abc\x1b"); /* 7 bytes and the NUL: fits */
	CHECK_STR(out, "abc\\x1b");
	escape_string(out, sizeof(out), "abcd\x1b"); /* 8 and the NUL: the escape goes */
	CHECK_STR(out, "abcd");
	escape_string(out, 1, "abc");
	CHECK_STR(out, "");
}

TEST_MAIN(TEST_CASE(printable_passes), TEST_CASE(controls_escaped),
          TEST_CASE(unicode_controls_escaped), TEST_CASE(malformed_utf8_escaped),
          TEST_CASE(cut_never_splits), TEST_CASE(string_form))
