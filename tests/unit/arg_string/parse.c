/*
 * \brief  arg_string_init: what is accepted, and how a rejection is reported
 */

#include <string.h>

#include "../../harness/harness.h"
#include "cases.h"

/* expect text to be rejected at offset with the given reason and key */
static void
bad(const char *text, size_t offset, const char *reason, const char *key)
{
	struct arg_error err;
	parse_bad(text, strlen(text), &err);
	CHECK_EQ(err.offset, offset);
	CHECK_STR(err.reason, reason);
	CHECK_STR(err.key, key);
}

void
parse_empty(void)
{
	struct arg_string a;
	struct arg_error err;
	CHECK_EQ(arg_string_init(&a, "", 0, &err), STATUS_OK);
	CHECK_STR(arg_string_text(&a), "");
	CHECK_STR(err.reason, "no error");
	CHECK_EQ(arg_string_init(&a, NULL, 0, NULL), STATUS_OK);
	CHECK(!arg_string_has(&a, "ram_quota"));
	parse_ok(&a, " \t\r\n ");
	CHECK(!arg_string_has(&a, "ram_quota"));
	CHECK_EQ(arg_string_init(&a, NULL, 1, &err), STATUS_INVALID_ARGS);
	CHECK_EQ(arg_string_init(NULL, "a=1", 3, &err), STATUS_INVALID_ARGS);
}

void
parse_genode_example(void)
{
	struct arg_string a;
	parse_ok(&a, "ram_quota=8K, label=\"launchpad -> testnit\", priority=0x100, "
	             "filename=\"init\", wc=yes");
	char s[64];
	uint64_t u;
	int64_t i;
	bool b;
	CHECK_EQ(arg_string_get_size(&a, "ram_quota", 0, &u), STATUS_OK);
	CHECK_EQ(u, 8192);
	CHECK_EQ(arg_string_get_string(&a, "label", s, sizeof(s)), STATUS_OK);
	CHECK_STR(s, "launchpad -> testnit");
	CHECK_EQ(arg_string_get_s64(&a, "priority", 0, &i), STATUS_OK);
	CHECK_EQ(i, 256);
	CHECK_EQ(arg_string_get_string(&a, "filename", s, sizeof(s)), STATUS_OK);
	CHECK_STR(s, "init");
	CHECK_EQ(arg_string_get_bool(&a, "wc", false, &b), STATUS_OK);
	CHECK(b);
}

void
parse_whitespace(void)
{
	struct arg_string a;
	parse_ok(&a, "  a = 1 ,\tb\n=\r\"x y\"  ,c=2  ");
	uint64_t u;
	char s[8];
	CHECK_EQ(arg_string_get_u64(&a, "a", 0, &u), STATUS_OK);
	CHECK_EQ(u, 1);
	CHECK_EQ(arg_string_get_string(&a, "b", s, sizeof(s)), STATUS_OK);
	CHECK_STR(s, "x y");
	CHECK_EQ(arg_string_get_u64(&a, "c", 0, &u), STATUS_OK);
	CHECK_EQ(u, 2);
	/* the text is kept as written */
	CHECK_STR(arg_string_text(&a), "  a = 1 ,\tb\n=\r\"x y\"  ,c=2  ");
}

void
parse_quoted(void)
{
	struct arg_string a;
	char s[64];
	parse_ok(&a, "label=\"a, b=c, \\ 'd'\", x=\"\"");
	CHECK_EQ(arg_string_get_string(&a, "label", s, sizeof(s)), STATUS_OK);
	CHECK_STR(s, "a, b=c, \\ 'd'");
	CHECK(!arg_string_has(&a, "b"));
	CHECK_EQ(arg_string_get_string(&a, "x", s, sizeof(s)), STATUS_OK);
	CHECK_STR(s, "");
	/* a double quote cannot be inside: the value ends at the second one */
	bad("a=\"x\"y\"", 5, "expected ',' after value", "a");
	bad("a=\"x\"\"y\"", 5, "expected ',' after value", "a");
}

void
parse_missing_equals(void)
{
	bad("ram_quota", 9, "expected '=' after key", "ram_quota");
	bad("ram_quota 8K", 10, "expected '=' after key", "ram_quota");
	bad("a=1, b", 6, "expected '=' after key", "b");
	bad("a,b=1", 1, "expected '=' after key", "a");
	bad("a-b=1", 1, "expected '=' after key", "a");
	bad("a:1", 1, "expected '=' after key", "a");
}

void
parse_commas(void)
{
	bad("a=1,", 4, "expected key after ','", "");
	bad("a=1 ,  ", 7, "expected key after ','", "");
	bad(",a=1", 0, "empty key", "");
	bad("a=1,,b=2", 4, "empty key", "");
	bad(",", 0, "empty key", "");
	bad("a=1, -b=2", 5, "expected key of letters, digits and '_'", "");
}

void
parse_empty_key_and_value(void)
{
	bad("=1", 0, "empty key", "");
	bad("a=1, =2", 5, "empty key", "");
	bad("a=", 2, "expected value after '='", "a");
	bad("a= ,b=1", 3, "expected value after '='", "a");
	bad("a==1", 2, "expected quoted value or letters, digits, _-+.:/", "a");
	bad("a=<x>", 2, "expected quoted value or letters, digits, _-+.:/", "a");
}

void
parse_unterminated_quote(void)
{
	bad("label=\"abc", 6, "unterminated quoted value", "label");
	bad("a=1, label=\"abc, b=2", 11, "unterminated quoted value", "label");
	bad("a=\"", 2, "unterminated quoted value", "a");
}

void
parse_junk_after_value(void)
{
	bad("a=1 b=2", 4, "expected ',' after value", "a");
	bad("label=foo bar", 10, "expected ',' after value", "label");
	bad("a=1;b=2", 3, "expected ',' after value", "a");
	bad("a=8K\"x\"", 4, "expected ',' after value", "a");
}

void
parse_stray_bytes(void)
{
	static const char *const invalid = "invalid byte (control character, NUL or non-ASCII)";
	struct arg_error err;
	parse_bad("a=1\0, b=2", 9, &err);
	CHECK_EQ(err.offset, 3);
	CHECK_STR(err.reason, invalid);
	parse_bad("a=\"x\0y\"", 7, &err);
	CHECK_EQ(err.offset, 4);
	CHECK_STR(err.reason, invalid);
	CHECK_STR(err.key, "a");
	bad("a=1\x01", 3, invalid, "a");
	bad("\x01"
	    "a=1",
	    0, invalid, "");
	bad("a\x7f=1", 1, invalid, "a");
	bad("a=\xff", 2, invalid, "a");
	bad("a=\"\xff\"", 3, invalid, "a");
	bad("a=\"tab\tinside\"", 6, invalid, "a");
	bad("\xc3\xa4=1", 0, invalid, "");
	bad("a=1, b=\x1b[0m", 7, invalid, "b");
}

void
parse_length_bound(void)
{
	char text[ARG_STRING_MAX + 2];
	struct arg_string a;
	struct arg_error err;

	/* "k=" and a value that fills the text to the given length */
	memset(text, 'x', sizeof(text));
	text[0] = 'k';
	text[1] = '=';
	CHECK_EQ(arg_string_init(&a, text, ARG_STRING_LEN_MAX, &err), STATUS_OK);
	CHECK_EQ(a.len, 255);
	CHECK_EQ(strlen(arg_string_text(&a)), 255);

	CHECK_EQ(arg_string_init(&a, text, ARG_STRING_MAX, &err), STATUS_INVALID_ARGS);
	CHECK_EQ(err.offset, 255);
	CHECK_STR(err.reason, "argument string longer than 255 bytes");
	CHECK_EQ(arg_string_init(&a, text, (size_t)-1, &err), STATUS_INVALID_ARGS);
	CHECK_STR(err.reason, "argument string longer than 255 bytes");
	/* the bound wins over any stray byte behind it */
	text[255] = 0;
	CHECK_EQ(arg_string_init(&a, text, ARG_STRING_MAX + 2, &err), STATUS_INVALID_ARGS);
	CHECK_STR(err.reason, "argument string longer than 255 bytes");
}

void
parse_error_key_truncated(void)
{
	char text[128];
	memset(text, 'k', 100);
	strcpy(text + 100, " 1");
	struct arg_error err;
	parse_bad(text, strlen(text), &err);
	CHECK_EQ(err.offset, 101);
	CHECK_EQ(strlen(err.key), ARG_ERROR_KEY_MAX - 1);
	CHECK_STR(err.reason, "expected '=' after key");
}

void
parse_failure_empties(void)
{
	struct arg_string a;
	parse_ok(&a, "a=1");
	CHECK_EQ(arg_string_init(&a, "a=1,", 4, NULL), STATUS_INVALID_ARGS);
	CHECK_EQ(a.len, 0);
	CHECK_STR(arg_string_text(&a), "");
	CHECK(!arg_string_has(&a, "a"));
	/* re-checking a string from its own buffer */
	parse_ok(&a, "a=1, b=\"x\"");
	CHECK_EQ(arg_string_init(&a, a.buf, a.len, NULL), STATUS_OK);
	CHECK_STR(arg_string_text(&a), "a=1, b=\"x\"");
	CHECK_EQ(arg_string_init(&a, a.buf + 1, a.len - 1, NULL), STATUS_INVALID_ARGS);
	CHECK_STR(arg_string_text(&a), "");
	/* and is still usable */
	CHECK_EQ(arg_string_set_u64(&a, "a", 2), STATUS_OK);
	CHECK_STR(arg_string_text(&a), "a=2");
}
