/*
 * \brief  Unit test: format_string behaves like the host's snprintf
 *
 * Every supported conversion is run over a table of formats and a table of
 * values, including the extremes of each type, and output and returned
 * length must match glibc byte for byte. What we define differently on
 * purpose (unknown conversions, %p of NULL) is checked explicitly.
 */

#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <util/format.h>

#include "../../harness/harness.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static unsigned compared;

static void
expect_same(const char *fmt, const char *got, size_t got_len, const char *want, int want_len)
{
	compared++;
	/* compare the terminator as well, and bytes after an embedded NUL (%c) */
	bool same =
	        want_len >= 0 && got_len == (size_t)want_len && memcmp(got, want, got_len + 1) == 0;
	if (!CHECK(same))
		printf("    format \"%s\": got \"%s\" (%zu), want \"%s\" (%d)\n", fmt, got, got_len,
		       want, want_len);
}

/* the same format and arguments through both formatters */
#define COMPARE(fmt, ...)                                                              \
	do {                                                                           \
		char got_[512], want_[512];                                            \
		size_t got_len_ = format_string(got_, sizeof(got_), fmt, __VA_ARGS__); \
		int want_len_ = snprintf(want_, sizeof(want_), fmt, __VA_ARGS__);      \
		expect_same((fmt), got_, got_len_, want_, want_len_);                  \
	} while (0)

/* every format of the table fmts with every value of the table vals */
#define COMPARE_TABLE(fmts, vals)                               \
	do {                                                    \
		for (size_t f_ = 0; f_ < N(fmts); f_++)         \
			for (size_t v_ = 0; v_ < N(vals); v_++) \
				COMPARE(fmts[f_], vals[v_]);    \
	} while (0)

static void
table_int(void)
{
	static const char *const fmts[] = {
	        "%d",     "%i",   "%5d",    "%-5d|", "%05d",   "%+d",    "% d",      "%+05d",
	        "%-+6d|", "% 6d", "%.0d",   "%.1d",  "%.3d",   "%.10d",  "%8.3d",    "%-8.3d|",
	        "%08.3d", "%.0i", "%12d",   "%012d", "%-12d|", "%+.12d", "x%dy%%",   "%-012d|",
	        "%+ d",   "%.d",  "%0-5d|", "%1d",   "% 012d", "%5.0d|", "%+15.11d", "%--5d|",
	};
	static const int vals[] = {0,       1,       -1,          7,          -7,        42,
	                           255,     -255,    1000,        65535,      123456789, -123456789,
	                           INT_MAX, INT_MIN, INT_MIN + 1, INT_MAX - 1};
	COMPARE_TABLE(fmts, vals);
}

static void
table_unsigned(void)
{
	static const char *const fmts[] = {
	        "%u",   "%10u",    "%-10u|", "%010u",  "%.12u",   "%.0u", "%x",     "%X",
	        "%#x",  "%#X",     "%08x",   "%#010x", "%-#10x|", "%.5x", "%#.5x",  "%#.0x",
	        "%.0x", "%#12.5X", "%0#8x",  "%+u",    "% u",     "%+x",  "%5.0x|", "%#-12.10x|",
	};
	static const unsigned vals[] = {
	        0,   1,    7,          9,          10,         15,           16,
	        255, 4096, 0xdeadbeef, 0x80000000, 0x7fffffff, UINT_MAX - 1, UINT_MAX};
	COMPARE_TABLE(fmts, vals);
}

static void
table_long(void)
{
	static const char *const sfmts[] = {"%ld",    "%li",  "%25ld", "%-25ld|",
	                                    "%025ld", "%+ld", "% ld",  "%.22ld"};
	static const long svals[] = {
	        0, -1, 1, LONG_MAX, LONG_MIN, LONG_MIN + 1, LONG_MAX / 3, -(LONG_MAX / 7)};
	static const char *const ufmts[] = {"%lu",   "%lx",    "%lX",    "%#lx",
	                                    "%25lu", "%025lx", "%.20lx", "%-#25lX|"};
	static const unsigned long uvals[] = {0, 1, ULONG_MAX, ULONG_MAX / 3, ULONG_MAX / 2 + 1};
	COMPARE_TABLE(sfmts, svals);
	COMPARE_TABLE(ufmts, uvals);
}

static void
table_long_long(void)
{
	static const char *const sfmts[] = {"%lld",     "%lli",    "%+lld",   "% lld",    "%30lld",
	                                    "%-30lld|", "%030lld", "%.25lld", "%+030lld", "%.0lld"};
	static const long long svals[] = {0,
	                                  -1,
	                                  1,
	                                  LLONG_MAX,
	                                  LLONG_MIN,
	                                  LLONG_MIN + 1,
	                                  -1000000000000LL,
	                                  999999999999999999LL,
	                                  -999999999999999999LL};
	static const char *const ufmts[] = {"%llu",    "%llx",    "%llX",     "%#llx",
	                                    "%030llu", "%.25llx", "%-30llu|", "%#030llX"};
	static const unsigned long long uvals[] = {0,
	                                           1,
	                                           UINT64_MAX,
	                                           UINT64_MAX - 1,
	                                           0x8000000000000000ULL,
	                                           10000000000000000000ULL,
	                                           9999999999999999999ULL,
	                                           0x0123456789abcdefULL};
	COMPARE_TABLE(sfmts, svals);
	COMPARE_TABLE(ufmts, uvals);
}

static void
table_size(void)
{
	static const char *const ufmts[] = {"%zu",   "%zx",     "%zX",   "%#zx",
	                                    "%20zu", "%-20zu|", "%020zx"};
	static const size_t uvals[] = {0, 1, 4096, SIZE_MAX, SIZE_MAX / 2, SIZE_MAX / 2 + 1};
	/* %zd takes the signed type of size_t's width, ptrdiff_t on our targets */
	static const char *const sfmts[] = {"%zd", "%+zd", "%25zd", "%-25zd|", "%.21zd"};
	static const ptrdiff_t svals[] = {0, -1, 1, PTRDIFF_MAX, PTRDIFF_MIN, PTRDIFF_MIN + 1};
	COMPARE_TABLE(ufmts, uvals);
	COMPARE_TABLE(sfmts, svals);
}

static void
table_char(void)
{
	static const char *const fmts[] = {"%c", "%5c", "%-5c|", "[%c]", "%1c"};
	static const int vals[] = {'A', 'z', '0', ' ', '~', '%', 0, 0x7f, 0x80 + 'a'};
	COMPARE_TABLE(fmts, vals);
}

static void
table_string(void)
{
	static const char *const fmts[] = {"%s",     "%10s",     "%-10s|", "%.0s",    "%.3s",
	                                   "%10.3s", "%-10.3s|", "%.20s",  "%3s",     "[%s]",
	                                   "%.s|",   "%40s",     "%-40s|", "%40.30s", "%.100s"};
	static const char *const vals[] = {"",
	                                   "a",
	                                   "hello",
	                                   "hello, world",
	                                   "exactly-ten",
	                                   "a string of thirty-two characters"};
	COMPARE_TABLE(fmts, vals);
}

/* '*' widths and precisions, including negative ones */
static void
table_star(void)
{
	static const int stars[] = {-40, -12, -5, -1, 0, 1, 3, 5, 12, 40};
	static const int ints[] = {0, 42, -42, INT_MIN, INT_MAX};
	static const char *const strs[] = {"", "abc", "hello, world"};

	for (size_t i = 0; i < N(stars); i++) {
		int s = stars[i];
		for (size_t v = 0; v < N(ints); v++) {
			COMPARE("%*d", s, ints[v]);
			COMPARE("%-*d|", s, ints[v]);
			COMPARE("%0*d", s, ints[v]);
			COMPARE("%.*d", s, ints[v]);
			COMPARE("%#.*x|", s, (unsigned)ints[v]);
			for (size_t j = 0; j < N(stars); j++)
				COMPARE("%*.*d|", s, stars[j], ints[v]);
		}
		for (size_t v = 0; v < N(strs); v++) {
			COMPARE("%*s|", s, strs[v]);
			COMPARE("%.*s|", s, strs[v]);
			for (size_t j = 0; j < N(stars); j++)
				COMPARE("%*.*s|", s, stars[j], strs[v]);
		}
		COMPARE("%*c|", s, 'x');
	}
}

static void
mixed(void)
{
	int x = 5;
	COMPARE("%s=%d (%#x) %c%%", "ram_quota", 4096, 4096u, '!');
	COMPARE("%p %20p %-20p|", (void *)&x, (void *)&x, (void *)&x);
	COMPARE("%lu/%llu/%zu/%u", 1ul, 2ull, (size_t)3, 4u);
	COMPARE("%%%d%%%s%%", -1, "");
	COMPARE("no conversion at all%s", "");
	COMPARE("%5s|%-5s|%05d|%-5d|%5x", "ab", "cd", -3, -3, 255u);
}

/* conversions we do not support print literally and consume no argument */
static void
unknown_literal(void)
{
	static const struct {
		const char *fmt;
		const char *want;
	} cases[] = {
	        {"%q", "%q"},
	        {"%q %d", "%q 7"},
	        {"%hd", "%hd"},
	        {"%hhd", "%hhd"},
	        {"%jd", "%jd"},
	        {"%td", "%td"},
	        {"%o", "%o"},
	        {"%e", "%e"},
	        {"%n|%d", "%n|7"},
	        {"%5q", "%5q"},
	        {"%-08.3lq", "%-08.3lq"},
	        {"%lc", "%lc"},
	        {"%ls", "%ls"},
	        {"%zs", "%zs"},
	        {"%llp", "%llp"},
	        {"%l%", "%l%"},
	        {"%lll", "%lll"},
	        {"abc%", "abc%"},
	        {"%", "%"},
	        {"%-", "%-"},
	        {"%5", "%5"},
	        {"%ll", "%ll"},
	        {"%.", "%."},
	        {"100%!", "100%!"},
	};
	for (size_t i = 0; i < N(cases); i++) {
		char buf[64];
		/* through a variable, so that -Wformat does not reject the typos */
		const char *fmt = cases[i].fmt;
		size_t len = format_string(buf, sizeof(buf), fmt, 7);
		CHECK_STR(buf, cases[i].want);
		CHECK_EQ(len, strlen(cases[i].want));
	}

	/* a '*' in front of an unknown conversion has been consumed */
	char buf[64];
	const char *fmt = "%*q%d";
	CHECK_EQ(format_string(buf, sizeof(buf), fmt, 3, 9), 4);
	CHECK_STR(buf, "%*q9");
}

static void
null_arguments(void)
{
	char buf[64];
	const char *volatile null_str = NULL;
	const char *volatile null_fmt = NULL;

	CHECK_EQ(format_string(buf, sizeof(buf), "%s", null_str), 6);
	CHECK_STR(buf, "(null)");
	format_string(buf, sizeof(buf), "[%8s|%-8s|%.3s]", null_str, null_str, null_str);
	CHECK_STR(buf, "[  (null)|(null)  |(nu]");

	format_string(buf, sizeof(buf), "%p|%5p|%-5p|", (void *)0, (void *)0, (void *)0);
	CHECK_STR(buf, "0x0|  0x0|0x0  |");
	format_string(buf, sizeof(buf), "%p", (void *)0x1234);
	CHECK_STR(buf, "0x1234");

	buf[0] = 'x';
	CHECK_EQ(format_string(buf, sizeof(buf), null_fmt, 0), 0);
	CHECK_STR(buf, "");
}

/* with a precision, %s must not read beyond it (ASan watches in SAN=1) */
static void
string_unterminated(void)
{
	char raw[3] = {'a', 'b', 'c'};
	char buf[16];
	CHECK_EQ(format_string(buf, sizeof(buf), "%.3s|%.2s|%5.3s", raw, raw, raw), 12);
	CHECK_STR(buf, "abc|ab|  abc");
}

/* format with a buffer of every size from 0 to past the full length */
static void
check_truncation(const char *fmt, ...)
{
	char full[512], want[512], buf[520];
	va_list ap;

	va_start(ap, fmt);
	size_t len = format_vstring(full, sizeof(full), fmt, ap);
	CHECK(len < sizeof(full));
	CHECK_EQ(format_vstring(NULL, 0, fmt, ap), len);
	for (size_t size = 0; size <= len + 2; size++) {
		memset(buf, 0x5a, sizeof(buf));
		size_t got = format_vstring(buf, size, fmt, ap);
		CHECK_EQ(got, len);
		if (size > 0) {
			size_t kept = len < size ? len : size - 1;
			CHECK(memcmp(buf, full, kept) == 0);
			CHECK_EQ(buf[kept], 0);
		}
		/* nothing written beyond the buffer */
		for (size_t i = size; i < sizeof(buf); i++)
			if (!CHECK_EQ((unsigned char)buf[i], 0x5a))
				break;
		/* and the same bytes as the host's snprintf at that size */
		va_list copy;
		va_copy(copy, ap);
		memset(want, 0x5a, sizeof(want));
		CHECK_EQ(vsnprintf(size ? want : NULL, size, fmt, copy), len);
		va_end(copy);
		CHECK(size == 0 || memcmp(buf, want, size) == 0);
	}
	va_end(ap);
}

static void
truncation(void)
{
	check_truncation("%s-%d-%08x", "hello", -42, 0xbeefu);
	check_truncation("%lld|%llu", LLONG_MIN, (unsigned long long)UINT64_MAX);
	check_truncation("%-20s|%20d", "left", INT_MIN);
	check_truncation("%s", "");
	check_truncation("plain text without conversions");
	check_truncation("%300d", 7);
	check_truncation("%.200u", 12345u);
}

struct collector {
	char text[1024];
	size_t len;
	unsigned calls;
	unsigned empty_calls;
};

static void
collect(void *ctx, const char *s, size_t len)
{
	struct collector *c = ctx;
	c->calls++;
	if (len == 0)
		c->empty_calls++;
	if (c->len + len < sizeof(c->text)) {
		memcpy(c->text + c->len, s, len);
		c->len += len;
		c->text[c->len] = 0;
	}
}

/* formats twice from the same ap: format_to must leave it untouched */
static void
collect_twice(struct collector *a, struct collector *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	format_to(collect, a, fmt, ap);
	format_to(collect, b, fmt, ap);
	va_end(ap);
}

static void
sink(void)
{
	struct collector a = {.len = 0}, b = {.len = 0};
	const char *fmt = "%s: %d of %zu bytes, %-6s|%100x";
	collect_twice(&a, &b, fmt, "rom", -1, (size_t)8192, "ok", 0xabcu);

	char buf[1024];
	size_t len = format_string(buf, sizeof(buf), fmt, "rom", -1, (size_t)8192, "ok", 0xabcu);
	CHECK_EQ(a.len, len);
	CHECK_STR(a.text, buf);
	CHECK_STR(b.text, buf);
	CHECK(a.calls > 1);
	CHECK_EQ(a.empty_calls, 0);

	/* an empty format reaches the sink not at all */
	struct collector c = {.len = 0};
	collect_twice(&c, &c, "%s", "");
	CHECK_EQ(c.calls, 0);
}

static void
report(void)
{
	printf("  %u outputs compared with snprintf\n", compared);
	CHECK(compared > 1000);
}

TEST_MAIN(TEST_CASE(table_int), TEST_CASE(table_unsigned), TEST_CASE(table_long),
          TEST_CASE(table_long_long), TEST_CASE(table_size), TEST_CASE(table_char),
          TEST_CASE(table_string), TEST_CASE(table_star), TEST_CASE(mixed),
          TEST_CASE(unknown_literal), TEST_CASE(null_arguments), TEST_CASE(string_unterminated),
          TEST_CASE(truncation), TEST_CASE(sink), TEST_CASE(report))
