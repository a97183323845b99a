/*
 * \brief  arg_string editing: set in place, append, remove, and the length bound
 */

#include <string.h>

#include "../../harness/harness.h"
#include "cases.h"

/* a valid text of exactly len bytes: "f=" followed by digits */
static void
fill(struct arg_string *a, size_t len)
{
	char text[ARG_STRING_MAX];
	memset(text, '7', sizeof(text));
	text[0] = 'f';
	text[1] = '=';
	text[len] = 0;
	parse_ok(a, text);
}

void
edit_replace_in_place(void)
{
	struct arg_string a;
	parse_ok(&a, "a=1, b=2, c=3");
	CHECK_EQ(arg_string_set_u64(&a, "b", 700), STATUS_OK);
	CHECK_STR(arg_string_text(&a), "a=1, b=700, c=3");
	CHECK_EQ(arg_string_set_string(&a, "a", "x, y=z"), STATUS_OK);
	CHECK_STR(arg_string_text(&a), "a=\"x, y=z\", b=700, c=3");
	CHECK_EQ(arg_string_set_u64(&a, "a", 5), STATUS_OK);
	CHECK_STR(arg_string_text(&a), "a=5, b=700, c=3");
	/* blanks around the replaced value stay as they were */
	parse_ok(&a, " label = \"old\" , x=1 ");
	CHECK_EQ(arg_string_set_string(&a, "label", "init -> test"), STATUS_OK);
	CHECK_STR(arg_string_text(&a), " label = \"init -> test\" , x=1 ");
	check_reparses(&a);
}

void
edit_append(void)
{
	struct arg_string a;
	char s[32];
	parse_ok(&a, "ram_quota=8K");
	CHECK_EQ(arg_string_set_string(&a, "label", "child"), STATUS_OK);
	CHECK_STR(arg_string_text(&a), "ram_quota=8K, label=\"child\"");
	CHECK_EQ(arg_string_get_string(&a, "label", s, sizeof(s)), STATUS_OK);
	CHECK_STR(s, "child");

	parse_ok(&a, "");
	CHECK_EQ(arg_string_set_u64(&a, "ram_quota", 4096), STATUS_OK);
	CHECK_STR(arg_string_text(&a), "ram_quota=4096");

	parse_ok(&a, "  ");
	CHECK_EQ(arg_string_set_string(&a, "e", ""), STATUS_OK);
	CHECK_STR(arg_string_text(&a), "  e=\"\"");
	check_reparses(&a);

	/* appended behind the last value, before trailing blanks */
	parse_ok(&a, "a=1  ");
	CHECK_EQ(arg_string_set_s64(&a, "p", -1), STATUS_OK);
	CHECK_STR(arg_string_text(&a), "a=1, p=-1  ");
	check_reparses(&a);
}

void
edit_set_string_refused(void)
{
	struct arg_string a;
	parse_ok(&a, "label=\"x\"");
	CHECK_EQ(arg_string_set_string(&a, "label", "say \"hi\""), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_set_string(&a, "label", "line\nbreak"), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_set_string(&a, "label", "\xff"), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_set_string(&a, "label", NULL), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_set_string(&a, "new", "\""), STATUS_INVALID_ARGS);
	CHECK_STR(arg_string_text(&a), "label=\"x\"");
}

void
edit_set_numbers(void)
{
	struct arg_string a;
	uint64_t u;
	int64_t i;
	parse_ok(&a, "");
	CHECK_EQ(arg_string_set_u64(&a, "u", UINT64_MAX), STATUS_OK);
	CHECK_EQ(arg_string_set_s64(&a, "min", INT64_MIN), STATUS_OK);
	CHECK_EQ(arg_string_set_s64(&a, "max", INT64_MAX), STATUS_OK);
	CHECK_EQ(arg_string_set_u64(&a, "z", 0), STATUS_OK);
	CHECK_STR(arg_string_text(&a), "u=18446744073709551615, min=-9223372036854775808, "
	                               "max=9223372036854775807, z=0");
	CHECK_EQ(arg_string_get_u64(&a, "u", 0, &u), STATUS_OK);
	CHECK(u == UINT64_MAX);
	CHECK_EQ(arg_string_get_s64(&a, "min", 0, &i), STATUS_OK);
	CHECK(i == INT64_MIN);
	CHECK_EQ(arg_string_get_s64(&a, "max", 0, &i), STATUS_OK);
	CHECK(i == INT64_MAX);
	CHECK_EQ(arg_string_get_u64(&a, "z", 1, &u), STATUS_OK);
	CHECK_EQ(u, 0);
	check_reparses(&a);
}

void
edit_set_duplicate(void)
{
	struct arg_string a;
	uint64_t u;
	parse_ok(&a, "q=1, q=2");
	CHECK_EQ(arg_string_set_u64(&a, "q", 3), STATUS_OK);
	CHECK_STR(arg_string_text(&a), "q=3, q=2");
	CHECK_EQ(arg_string_get_u64(&a, "q", 0, &u), STATUS_OK);
	CHECK_EQ(u, 3);
}

void
edit_set_invalid_key(void)
{
	struct arg_string a;
	parse_ok(&a, "a=1");
	CHECK_EQ(arg_string_set_u64(&a, "", 1), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_set_u64(&a, "b=2, c", 1), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_set_string(&a, NULL, "x"), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_set_s64(&a, "a b", 1), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_remove(&a, "a,"), STATUS_INVALID_ARGS);
	CHECK_STR(arg_string_text(&a), "a=1");
	CHECK_EQ(arg_string_set_u64(NULL, "a", 1), STATUS_INVALID_ARGS);
}

void
edit_overflow_unchanged(void)
{
	struct arg_string a, before;
	fill(&a, 250);
	before = a;
	/* ", k=1" would make 255 + 1 */
	CHECK_EQ(arg_string_set_u64(&a, "kk", 1), STATUS_OUT_OF_MEMORY);
	CHECK_EQ(arg_string_set_string(&a, "k", ""), STATUS_OUT_OF_MEMORY);
	/* growing the value in place beyond the bound */
	CHECK_EQ(arg_string_set_u64(&a, "f", UINT64_MAX), STATUS_OK);
	CHECK_STR(arg_string_text(&a), "f=18446744073709551615");
	a = before;
	char value[ARG_STRING_MAX];
	memset(value, 'v', 252);
	value[252] = 0;
	/* f="..." would be 256 bytes */
	CHECK_EQ(arg_string_set_string(&a, "f", value), STATUS_OUT_OF_MEMORY);
	CHECK_EQ(a.len, before.len);
	CHECK(memcmp(&a.buf, &before.buf, a.len + 1) == 0);
	value[251] = 0;
	CHECK_EQ(arg_string_set_string(&a, "f", value), STATUS_OK);
	CHECK_EQ(a.len, ARG_STRING_LEN_MAX);
	check_reparses(&a);

	/* a value longer than any string can hold, unterminated within the bound */
	char huge[ARG_STRING_MAX + 8];
	memset(huge, 'h', sizeof(huge) - 1);
	huge[sizeof(huge) - 1] = 0;
	parse_ok(&a, "");
	CHECK_EQ(arg_string_set_string(&a, "h", huge), STATUS_OUT_OF_MEMORY);
	CHECK_STR(arg_string_text(&a), "");
}

void
edit_exact_fit(void)
{
	struct arg_string a;
	fill(&a, 250);
	/* ", k=1" makes exactly 255 */
	CHECK_EQ(arg_string_set_u64(&a, "k", 1), STATUS_OK);
	CHECK_EQ(a.len, ARG_STRING_LEN_MAX);
	check_reparses(&a);
	CHECK_EQ(arg_string_set_u64(&a, "k", 2), STATUS_OK);
	CHECK_EQ(arg_string_set_u64(&a, "k", 10), STATUS_OUT_OF_MEMORY);
	CHECK_EQ(a.len, ARG_STRING_LEN_MAX);
	CHECK(strstr(arg_string_text(&a), ", k=2") != NULL);
	CHECK_EQ(arg_string_remove(&a, "k"), STATUS_OK);
	CHECK_EQ(a.len, 250);
	check_reparses(&a);
}

/* remove key from text and expect the result */
static void
removed(const char *text, const char *key, const char *want)
{
	struct arg_string a;
	parse_ok(&a, text);
	CHECK_EQ(arg_string_remove(&a, key), STATUS_OK);
	CHECK_STR(arg_string_text(&a), want);
	CHECK(!arg_string_has(&a, key));
	check_reparses(&a);
}

void
edit_remove(void)
{
	removed("a=1, b=2, c=3", "a", "b=2, c=3");
	removed("a=1, b=2, c=3", "b", "a=1, c=3");
	removed("a=1, b=2, c=3", "c", "a=1, b=2");
	removed("a=1", "a", "");
	removed(" a = \"x, y\" ", "a", "  ");
	removed("a=1 , b=2 ", "b", "a=1 ");
	removed("ram_quota=1, xram_quota=2", "ram_quota", "xram_quota=2");

	struct arg_string a;
	parse_ok(&a, "a=1");
	CHECK_EQ(arg_string_remove(&a, "b"), STATUS_NOT_FOUND);
	CHECK_EQ(arg_string_remove(&a, "a"), STATUS_OK);
	CHECK_EQ(arg_string_remove(&a, "a"), STATUS_NOT_FOUND);
}

void
edit_remove_duplicates(void)
{
	removed("q=1, a=2, q=3", "q", "a=2");
	removed("q=1, q=2, q=3", "q", "");
	removed("a=0, q=1, b=2, q=3", "q", "a=0, b=2");
}

void
edit_round_trip(void)
{
	struct arg_string a;
	uint64_t u;
	char s[64];
	parse_ok(&a, "ram_quota=8K, label=\"launchpad\", priority=-1");
	/* what a parent does: prefix the label, take quota, drop a key */
	CHECK_EQ(arg_string_set_string(&a, "label", "init -> launchpad"), STATUS_OK);
	CHECK_EQ(arg_string_set_u64(&a, "ram_quota", 4096), STATUS_OK);
	CHECK_EQ(arg_string_remove(&a, "priority"), STATUS_OK);
	CHECK_STR(arg_string_text(&a), "ram_quota=4096, label=\"init -> launchpad\"");
	check_reparses(&a);
	CHECK_EQ(arg_string_remove(&a, "ram_quota"), STATUS_OK);
	CHECK_EQ(arg_string_set_u64(&a, "ram_quota", 1), STATUS_OK);
	CHECK_STR(arg_string_text(&a), "label=\"init -> launchpad\", ram_quota=1");
	CHECK_EQ(arg_string_get_size(&a, "ram_quota", 0, &u), STATUS_OK);
	CHECK_EQ(u, 1);
	CHECK_EQ(arg_string_get_string(&a, "label", s, sizeof(s)), STATUS_OK);
	CHECK_STR(s, "init -> launchpad");
	check_reparses(&a);
}
