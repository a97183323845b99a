/*
 * \brief  Unit test: freestanding memory, string and number routines
 *
 * The number cases pin down the notation configs and session arguments
 * use, including what is rejected: a sign other than a leading '-', spaces,
 * a lower-case size suffix ("8k") and anything that overflows 64 bits.
 */

#include <stdint.h>
#include <string.h>

#include <util/number.h>
#include <util/string.h>

#include "../../harness/harness.h"

static void
mem_basics(void)
{
	char buf[8] = "abcdefg";
	CHECK(mem_copy(buf, "XY", 2) == buf);
	CHECK_STR(buf, "XYcdefg");
	CHECK(mem_set(buf + 2, '-', 3) == buf + 2);
	CHECK_STR(buf, "XY---fg");
	mem_set(buf, 'q', 0);
	mem_copy(buf, "zz", 0);
	CHECK_STR(buf, "XY---fg");

	CHECK_EQ(mem_compare("abc", "abc", 3), 0);
	CHECK_EQ(mem_compare("abc", "abd", 3), -1);
	CHECK_EQ(mem_compare("abd", "abc", 3), 1);
	CHECK_EQ(mem_compare("abc", "abd", 2), 0);
	CHECK_EQ(mem_compare("x", "y", 0), 0);
	/* bytes compare unsigned: 0x80 is greater than 0x7f */
	CHECK_EQ(mem_compare("\x80", "\x7f", 1), 1);
}

static void
mem_move_overlap(void)
{
	char fwd[] = "0123456789";
	CHECK(mem_move(fwd + 2, fwd, 6) == fwd + 2); /* destination above the source */
	CHECK_STR(fwd, "0101234589");

	char back[] = "0123456789";
	CHECK(mem_move(back, back + 3, 7) == back); /* destination below the source */
	CHECK_STR(back, "3456789789");

	char same[] = "abc";
	mem_move(same, same, 3);
	mem_move(same + 1, same, 0);
	CHECK_STR(same, "abc");

	/* one byte of overlap at either end */
	char edge[] = "abcdef";
	mem_move(edge + 5, edge, 1);
	CHECK_STR(edge, "abcdea");
	mem_move(edge, edge + 1, 5);
	CHECK_STR(edge, "bcdeaa");
}

static void
str_lengths(void)
{
	CHECK_EQ(str_len(""), 0);
	CHECK_EQ(str_len("hello"), 5);
	CHECK_EQ(str_len_bounded("hello", 3), 3);
	CHECK_EQ(str_len_bounded("hello", 0), 0);
	CHECK_EQ(str_len_bounded("hi", 10), 2);

	/* an unterminated array is read no further than the bound */
	char raw[4] = {'a', 'b', 'c', 'd'};
	CHECK_EQ(str_len_bounded(raw, sizeof(raw)), 4);
}

static void
str_comparisons(void)
{
	CHECK_EQ(str_compare("abc", "abc"), 0);
	CHECK(str_compare("abc", "abd") < 0);
	CHECK(str_compare("abd", "abc") > 0);
	CHECK(str_compare("ab", "abc") < 0);
	CHECK(str_compare("abc", "ab") > 0);
	CHECK(str_compare("", "") == 0);
	CHECK(str_compare("\x80", "\x7f") > 0);

	CHECK(str_equal("x", "x"));
	CHECK(!str_equal("x", "xy"));
	CHECK(!str_equal("", "a"));

	CHECK(str_has_prefix("session", "sess"));
	CHECK(str_has_prefix("session", ""));
	CHECK(str_has_prefix("session", "session"));
	CHECK(!str_has_prefix("sess", "session"));
	CHECK(!str_has_prefix("session", "sex"));
}

static void
str_equal_counted_cases(void)
{
	CHECK(str_equal_counted("abc", "abc", 3));
	CHECK(str_equal_counted("abc", "abcdef", 3)); /* only len bytes of counted count */
	CHECK(!str_equal_counted("ab", "abc", 3));
	CHECK(!str_equal_counted("abcd", "abc", 3));
	CHECK(!str_equal_counted("abd", "abc", 3));
	CHECK(str_equal_counted("", "anything", 0));
	CHECK(!str_equal_counted("a", "anything", 0));
	/* a NUL inside the counted string never matches the terminated one */
	CHECK(!str_equal_counted("a", "a\0", 2));

	/* counted need not be terminated */
	char raw[3] = {'r', 'o', 'm'};
	CHECK(str_equal_counted("rom", raw, 3));
	CHECK(!str_equal_counted("ro", raw, 3));
}

static void
str_copy_truncation(void)
{
	const char *src = "hello";
	for (size_t size = 1; size <= 8; size++) {
		char dst[8];
		memset(dst, 'x', sizeof(dst));
		CHECK_EQ(str_copy(dst, src, size), 5);
		size_t kept = size - 1 < 5 ? size - 1 : 5;
		CHECK(strncmp(dst, src, kept) == 0);
		CHECK_EQ(dst[kept], 0);
		for (size_t i = size; i < sizeof(dst); i++)
			CHECK_EQ(dst[i], 'x');
	}

	/* size 0 writes nothing but still reports the length */
	char untouched = 'x';
	CHECK_EQ(str_copy(&untouched, src, 0), 5);
	CHECK_EQ(untouched, 'x');

	char dst[4];
	CHECK_EQ(str_copy(dst, "", sizeof(dst)), 0);
	CHECK_STR(dst, "");
	CHECK_EQ(str_copy_counted(dst, sizeof(dst), "abcdef", 2), 2);
	CHECK_STR(dst, "ab");
	CHECK_EQ(str_copy_counted(dst, sizeof(dst), "abcdef", 6), 6);
	CHECK_STR(dst, "abc");
}

static void
char_classes(void)
{
	CHECK(char_is_space(' ') && char_is_space('\t') && char_is_space('\n') &&
	      char_is_space('\r'));
	CHECK(!char_is_space('x') && !char_is_space(0));
	CHECK(char_is_digit('0') && char_is_digit('9') && !char_is_digit('a'));
	CHECK(char_is_alpha('a') && char_is_alpha('Z') && !char_is_alpha('1') &&
	      !char_is_alpha('_'));
}

/* parse a whole C string; the out value is left alone on failure */
static status_t
u64_of(const char *s, uint64_t *out)
{
	return number_parse_u64(s, strlen(s), out);
}

static status_t
s64_of(const char *s, int64_t *out)
{
	return number_parse_s64(s, strlen(s), out);
}

static status_t
size_of(const char *s, uint64_t *out)
{
	return number_parse_size(s, strlen(s), out);
}

#define CHECK_U64(str, want)                             \
	do {                                             \
		uint64_t v_ = 0;                         \
		CHECK_EQ(u64_of((str), &v_), STATUS_OK); \
		CHECK(v_ == (uint64_t)(want));           \
	} while (0)

#define CHECK_BAD(fn, type, str)                               \
	do {                                                   \
		type v_ = 77;                                  \
		CHECK_EQ(fn((str), &v_), STATUS_INVALID_ARGS); \
		CHECK(v_ == 77);                               \
	} while (0)

static void
parse_u64(void)
{
	CHECK_U64("0", 0);
	CHECK_U64("42", 42);
	CHECK_U64("007", 7);
	CHECK_U64("0x1f", 31);
	CHECK_U64("0X1F", 31);
	CHECK_U64("0xAbCdEf", 0xabcdef);
	CHECK_U64("0x0", 0);
	CHECK_U64("18446744073709551615", UINT64_MAX);
	CHECK_U64("0xffffffffffffffff", UINT64_MAX);
	CHECK_U64("0x0000000000000000001", 1);

	CHECK_BAD(u64_of, uint64_t, "");
	CHECK_BAD(u64_of, uint64_t, "0x");
	CHECK_BAD(u64_of, uint64_t, "-");
	CHECK_BAD(u64_of, uint64_t, "-1");
	CHECK_BAD(u64_of, uint64_t, "+1");
	CHECK_BAD(u64_of, uint64_t, " 1");
	CHECK_BAD(u64_of, uint64_t, "1 ");
	CHECK_BAD(u64_of, uint64_t, "12a");
	CHECK_BAD(u64_of, uint64_t, "a");
	CHECK_BAD(u64_of, uint64_t, "0x-1");
	CHECK_BAD(u64_of, uint64_t, "0xg");
	CHECK_BAD(u64_of, uint64_t, "x10");
	CHECK_BAD(u64_of, uint64_t, "18446744073709551616");
	CHECK_BAD(u64_of, uint64_t, "18446744073709551620");
	CHECK_BAD(u64_of, uint64_t, "99999999999999999999");
	CHECK_BAD(u64_of, uint64_t, "0x10000000000000000");

	/* only len bytes count, so a number can be parsed out of a longer text */
	uint64_t v = 0;
	CHECK_EQ(number_parse_u64("1234", 2, &v), STATUS_OK);
	CHECK(v == 12);
	CHECK_EQ(number_parse_u64("0x12", 2, &v), STATUS_INVALID_ARGS);
}

static void
parse_s64(void)
{
	int64_t v = 0;
	CHECK(s64_of("0", &v) == STATUS_OK && v == 0);
	CHECK(s64_of("-0", &v) == STATUS_OK && v == 0);
	CHECK(s64_of("-42", &v) == STATUS_OK && v == -42);
	CHECK(s64_of("-0x10", &v) == STATUS_OK && v == -16);
	CHECK(s64_of("9223372036854775807", &v) == STATUS_OK && v == INT64_MAX);
	CHECK(s64_of("-9223372036854775808", &v) == STATUS_OK && v == INT64_MIN);
	CHECK(s64_of("-0x8000000000000000", &v) == STATUS_OK && v == INT64_MIN);

	CHECK_BAD(s64_of, int64_t, "");
	CHECK_BAD(s64_of, int64_t, "-");
	CHECK_BAD(s64_of, int64_t, "--1");
	CHECK_BAD(s64_of, int64_t, "+1");
	CHECK_BAD(s64_of, int64_t, "- 1");
	CHECK_BAD(s64_of, int64_t, "-0x");
	CHECK_BAD(s64_of, int64_t, "9223372036854775808");
	CHECK_BAD(s64_of, int64_t, "-9223372036854775809");
	CHECK_BAD(s64_of, int64_t, "0x8000000000000000");
	CHECK_BAD(s64_of, int64_t, "-18446744073709551615");
	CHECK_BAD(s64_of, int64_t, "18446744073709551616");
}

static void
parse_size(void)
{
	uint64_t v = 0;
	CHECK(size_of("8", &v) == STATUS_OK && v == 8);
	CHECK(size_of("8K", &v) == STATUS_OK && v == 8192);
	CHECK(size_of("0x10M", &v) == STATUS_OK && v == 16ull << 20);
	CHECK(size_of("1G", &v) == STATUS_OK && v == 1ull << 30);
	CHECK(size_of("0K", &v) == STATUS_OK && v == 0);
	/* B and E are hex digits, not suffixes */
	CHECK(size_of("0xB", &v) == STATUS_OK && v == 11);
	CHECK(size_of("0xBK", &v) == STATUS_OK && v == 11 << 10);
	/* the largest values that still fit */
	CHECK(size_of("17179869183G", &v) == STATUS_OK && v == (UINT64_MAX >> 30) << 30);
	CHECK(size_of("0x3fffffffffffffK", &v) == STATUS_OK && v == (UINT64_MAX >> 10) << 10);
	CHECK(size_of("18446744073709551615", &v) == STATUS_OK && v == UINT64_MAX);

	/* one unit more overflows 64 bits */
	CHECK_BAD(size_of, uint64_t, "17179869184G");
	CHECK_BAD(size_of, uint64_t, "0x40000000000000K");
	CHECK_BAD(size_of, uint64_t, "17592186044416M");
	CHECK_BAD(size_of, uint64_t, "18446744073709551616");

	CHECK_BAD(size_of, uint64_t, "");
	CHECK_BAD(size_of, uint64_t, "K");
	CHECK_BAD(size_of, uint64_t, "0xK");
	CHECK_BAD(size_of, uint64_t, "KK");
	CHECK_BAD(size_of, uint64_t, "8KK");
	CHECK_BAD(size_of, uint64_t, "8KB");
	CHECK_BAD(size_of, uint64_t, "8 K");
	CHECK_BAD(size_of, uint64_t, "-8K");
	CHECK_BAD(size_of, uint64_t, "16E");  /* no exbibyte suffix */
	CHECK_BAD(size_of, uint64_t, "16EK"); /* and 16E is no number */
	CHECK_BAD(size_of, uint64_t, "1T");
	/* suffixes are upper-case only, as Genode writes them */
	CHECK_BAD(size_of, uint64_t, "8k");
	CHECK_BAD(size_of, uint64_t, "8m");
	CHECK_BAD(size_of, uint64_t, "1g");
}

TEST_MAIN(TEST_CASE(mem_basics), TEST_CASE(mem_move_overlap), TEST_CASE(str_lengths),
          TEST_CASE(str_comparisons), TEST_CASE(str_equal_counted_cases),
          TEST_CASE(str_copy_truncation), TEST_CASE(char_classes), TEST_CASE(parse_u64),
          TEST_CASE(parse_s64), TEST_CASE(parse_size))
