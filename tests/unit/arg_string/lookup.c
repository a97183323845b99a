/*
 * \brief  arg_string getters: strings, numbers, booleans, defaults, key matching
 */

#include <string.h>

#include "../../harness/harness.h"
#include "cases.h"

void
lookup_string(void)
{
	struct arg_string a;
	char s[32];
	parse_ok(&a, "name=\"two words\", bare=a-b.c:d/e+f_g, n=0x10");
	CHECK(arg_string_has(&a, "name"));
	CHECK_EQ(arg_string_get_string(&a, "name", s, sizeof(s)), STATUS_OK);
	CHECK_STR(s, "two words");
	/* an unquoted value is copied as written */
	CHECK_EQ(arg_string_get_string(&a, "bare", s, sizeof(s)), STATUS_OK);
	CHECK_STR(s, "a-b.c:d/e+f_g");
	CHECK_EQ(arg_string_get_string(&a, "n", s, sizeof(s)), STATUS_OK);
	CHECK_STR(s, "0x10");
	strcpy(s, "junk");
	CHECK_EQ(arg_string_get_string(&a, "missing", s, sizeof(s)), STATUS_NOT_FOUND);
	CHECK_STR(s, "");
	CHECK_EQ(arg_string_get_string(&a, "name", NULL, 4), STATUS_INVALID_ARGS);
}

void
lookup_string_bounds(void)
{
	struct arg_string a;
	char s[8];
	parse_ok(&a, "q=\"1234567\", u=12345678");
	/* seven bytes and the NUL fit exactly */
	CHECK_EQ(arg_string_get_string(&a, "q", s, 8), STATUS_OK);
	CHECK_STR(s, "1234567");
	CHECK_EQ(arg_string_get_string(&a, "q", s, 7), STATUS_OUT_OF_MEMORY);
	CHECK_STR(s, "");
	CHECK_EQ(arg_string_get_string(&a, "u", s, 8), STATUS_OUT_OF_MEMORY);
	CHECK_STR(s, "");
	CHECK_EQ(arg_string_get_string(&a, "q", s, 0), STATUS_OUT_OF_MEMORY);
	parse_ok(&a, "e=\"\"");
	CHECK_EQ(arg_string_get_string(&a, "e", s, 1), STATUS_OK);
	CHECK_STR(s, "");
}

void
lookup_numbers(void)
{
	struct arg_string a;
	uint64_t u;
	parse_ok(&a, "d=42, h=0x1f, H=0XFF, z=0, big=18446744073709551615");
	CHECK_EQ(arg_string_get_u64(&a, "d", 0, &u), STATUS_OK);
	CHECK_EQ(u, 42);
	CHECK_EQ(arg_string_get_u64(&a, "h", 0, &u), STATUS_OK);
	CHECK_EQ(u, 31);
	CHECK_EQ(arg_string_get_u64(&a, "H", 0, &u), STATUS_OK);
	CHECK_EQ(u, 255);
	CHECK_EQ(arg_string_get_u64(&a, "z", 7, &u), STATUS_OK);
	CHECK_EQ(u, 0);
	CHECK_EQ(arg_string_get_u64(&a, "big", 0, &u), STATUS_OK);
	CHECK(u == UINT64_MAX);
	CHECK_EQ(arg_string_get_u64(&a, "d", 0, NULL), STATUS_INVALID_ARGS);
}

void
lookup_size_suffixes(void)
{
	struct arg_string a;
	uint64_t u;
	parse_ok(&a, "k=8K, m=2M, g=1G, h=0x10M, plain=4096, big=16G, hexb=0x1B");
	CHECK_EQ(arg_string_get_size(&a, "k", 0, &u), STATUS_OK);
	CHECK_EQ(u, 8192);
	CHECK_EQ(arg_string_get_size(&a, "m", 0, &u), STATUS_OK);
	CHECK_EQ(u, 2 << 20);
	CHECK_EQ(arg_string_get_size(&a, "g", 0, &u), STATUS_OK);
	CHECK_EQ(u, 1 << 30);
	CHECK_EQ(arg_string_get_size(&a, "h", 0, &u), STATUS_OK);
	CHECK_EQ(u, 16 << 20);
	CHECK_EQ(arg_string_get_size(&a, "plain", 0, &u), STATUS_OK);
	CHECK_EQ(u, 4096);
	CHECK_EQ(arg_string_get_size(&a, "big", 0, &u), STATUS_OK);
	CHECK(u == 16ULL << 30);
	CHECK_EQ(arg_string_get_size(&a, "hexb", 0, &u), STATUS_OK);
	CHECK_EQ(u, 0x1b);
	/* a suffix is only for sizes */
	CHECK_EQ(arg_string_get_u64(&a, "k", 0, &u), STATUS_INVALID_ARGS);
}

void
lookup_signed(void)
{
	struct arg_string a;
	int64_t i;
	parse_ok(&a, "p=0x100, n=-5, nh=-0x10, min=-9223372036854775808, "
	             "max=9223372036854775807, plus=+1");
	CHECK_EQ(arg_string_get_s64(&a, "p", 0, &i), STATUS_OK);
	CHECK_EQ(i, 256);
	CHECK_EQ(arg_string_get_s64(&a, "n", 0, &i), STATUS_OK);
	CHECK_EQ(i, -5);
	CHECK_EQ(arg_string_get_s64(&a, "nh", 0, &i), STATUS_OK);
	CHECK_EQ(i, -16);
	CHECK_EQ(arg_string_get_s64(&a, "min", 0, &i), STATUS_OK);
	CHECK(i == INT64_MIN);
	CHECK_EQ(arg_string_get_s64(&a, "max", 0, &i), STATUS_OK);
	CHECK(i == INT64_MAX);
	CHECK_EQ(arg_string_get_s64(&a, "plus", 0, &i), STATUS_INVALID_ARGS);
	uint64_t u;
	CHECK_EQ(arg_string_get_u64(&a, "n", 0, &u), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_get_s64(&a, "n", 0, NULL), STATUS_INVALID_ARGS);
}

void
lookup_overflow(void)
{
	struct arg_string a;
	uint64_t u = 99;
	int64_t i = 99;
	parse_ok(&a, "u=18446744073709551616, h=0x10000000000000000, s=9223372036854775808, "
	             "n=-9223372036854775809, z=17179869184G, y=0x400000000K");
	CHECK_EQ(arg_string_get_u64(&a, "u", 0, &u), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_get_u64(&a, "h", 0, &u), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_get_s64(&a, "s", 0, &i), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_get_s64(&a, "n", 0, &i), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_get_size(&a, "z", 0, &u), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_get_size(&a, "y", 0, &u), STATUS_OK);
	CHECK(u == 1ULL << 44);
	CHECK_EQ(arg_string_get_u64(&a, "s", 0, &u), STATUS_OK);
	CHECK(u == 1ULL << 63);
	CHECK_EQ(i, 99);
}

void
lookup_bool(void)
{
	struct arg_string a;
	bool b;
	parse_ok(&a, "y1=yes, y2=true, y3=on, y4=1, n1=no, n2=false, n3=off, n4=0, "
	             "bad=maybe, upper=YES, two=2, q=\"yes\"");
	static const char *const yes[] = {"y1", "y2", "y3", "y4"};
	static const char *const no[] = {"n1", "n2", "n3", "n4"};
	for (unsigned k = 0; k < 4; k++) {
		b = false;
		CHECK_EQ(arg_string_get_bool(&a, yes[k], false, &b), STATUS_OK);
		CHECK(b);
		b = true;
		CHECK_EQ(arg_string_get_bool(&a, no[k], true, &b), STATUS_OK);
		CHECK(!b);
	}
	CHECK_EQ(arg_string_get_bool(&a, "bad", true, &b), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_get_bool(&a, "upper", true, &b), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_get_bool(&a, "two", true, &b), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_get_bool(&a, "q", true, &b), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_get_bool(&a, "y1", true, NULL), STATUS_INVALID_ARGS);
}

void
lookup_defaults(void)
{
	struct arg_string a;
	uint64_t u = 0;
	int64_t i = 0;
	bool b = false;
	parse_ok(&a, "other=1");
	CHECK_EQ(arg_string_get_u64(&a, "ram_quota", 123, &u), STATUS_OK);
	CHECK_EQ(u, 123);
	CHECK_EQ(arg_string_get_size(&a, "ram_quota", 4096, &u), STATUS_OK);
	CHECK_EQ(u, 4096);
	CHECK_EQ(arg_string_get_s64(&a, "priority", -3, &i), STATUS_OK);
	CHECK_EQ(i, -3);
	CHECK_EQ(arg_string_get_bool(&a, "wc", true, &b), STATUS_OK);
	CHECK(b);
}

void
lookup_malformed_not_default(void)
{
	struct arg_string a;
	uint64_t u = 77;
	int64_t i = 77;
	parse_ok(&a, "ram_quota=8X, q=\"8K\", w=yes, e=\"\"");
	CHECK_EQ(arg_string_get_size(&a, "ram_quota", 1, &u), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_get_u64(&a, "ram_quota", 1, &u), STATUS_INVALID_ARGS);
	/* numbers are written bare: a quoted one is a string */
	CHECK_EQ(arg_string_get_size(&a, "q", 1, &u), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_get_u64(&a, "w", 1, &u), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_get_s64(&a, "w", 1, &i), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_get_u64(&a, "e", 1, &u), STATUS_INVALID_ARGS);
	CHECK_EQ(u, 77);
	CHECK_EQ(i, 77);
}

void
lookup_duplicates(void)
{
	struct arg_string a;
	uint64_t u;
	char s[16];
	parse_ok(&a, "ram_quota=1, label=\"first\", ram_quota=2, label=\"second\"");
	CHECK_EQ(arg_string_get_u64(&a, "ram_quota", 0, &u), STATUS_OK);
	CHECK_EQ(u, 1);
	CHECK_EQ(arg_string_get_string(&a, "label", s, sizeof(s)), STATUS_OK);
	CHECK_STR(s, "first");
	/* a malformed first occurrence is not skipped for a good later one */
	parse_ok(&a, "n=oops, n=5");
	CHECK_EQ(arg_string_get_u64(&a, "n", 0, &u), STATUS_INVALID_ARGS);
}

void
lookup_prefix_keys(void)
{
	struct arg_string a;
	uint64_t u;
	parse_ok(&a, "xram_quota=1, ram_quota_x=2, ram=3, label=\"ram_quota=4\", RAM_QUOTA=5");
	CHECK(!arg_string_has(&a, "ram_quota"));
	CHECK_EQ(arg_string_get_u64(&a, "ram_quota", 9, &u), STATUS_OK);
	CHECK_EQ(u, 9);
	CHECK_EQ(arg_string_get_u64(&a, "ram", 0, &u), STATUS_OK);
	CHECK_EQ(u, 3);
	CHECK(!arg_string_has(&a, "ra"));
	CHECK(!arg_string_has(&a, "quota"));
	parse_ok(&a, "xram_quota=1, ram_quota=2");
	CHECK_EQ(arg_string_get_u64(&a, "ram_quota", 0, &u), STATUS_OK);
	CHECK_EQ(u, 2);
}

void
lookup_invalid_key_arg(void)
{
	struct arg_string a;
	uint64_t u;
	char s[8];
	char long_key[ARG_STRING_MAX + 1];
	memset(long_key, 'k', ARG_STRING_MAX);
	long_key[ARG_STRING_MAX] = 0;
	parse_ok(&a, "a=1");
	CHECK(!arg_string_has(&a, ""));
	CHECK(!arg_string_has(&a, NULL));
	CHECK(!arg_string_has(&a, "a=1"));
	CHECK(!arg_string_has(&a, long_key));
	CHECK_EQ(arg_string_get_u64(&a, "", 0, &u), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_get_u64(&a, "a b", 0, &u), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_get_string(&a, "a\"", s, sizeof(s)), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_get_u64(&a, long_key, 0, &u), STATUS_INVALID_ARGS);
	CHECK(!arg_string_has(NULL, "a"));
}
