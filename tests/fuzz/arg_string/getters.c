/*
 * \brief  Fuzz checks of the arg_string getters
 *
 * The getters must agree with each other: a key is there for all of them
 * or for none, a number that get_u64 reads is read the same by get_size
 * and get_s64, and a missing key always gives the default.
 */

#include <string.h>

#include "fuzz.h"

bool
arg_same(const struct arg_string *a, const struct arg_string *b)
{
	return a->len == b->len && a->len <= ARG_STRING_LEN_MAX &&
	       memcmp(a->buf, b->buf, a->len + 1) == 0;
}

void
check_reparses(const struct arg_string *a)
{
	struct arg_string r;
	struct arg_error err;
	must(arg_string_init(&r, a->buf, a->len, &err) == STATUS_OK, "edited string parses");
	must(arg_same(&r, a), "edited string parses to itself");
	must(strlen(arg_string_text(a)) == a->len, "edited string terminated at len");
}

static void
check_string(const struct arg_string *a, const char *key, bool has)
{
	char out[ARG_STRING_MAX], small[ARG_STRING_MAX];
	status_t st = arg_string_get_string(a, key, out, sizeof(out));
	must(has ? st == STATUS_OK : st == STATUS_NOT_FOUND, "get_string agrees with has");
	if (!has) {
		must(out[0] == 0, "get_string clears out when not found");
		return;
	}
	size_t n = strlen(out);
	must(n + 2 <= ARG_STRING_LEN_MAX, "value shorter than the text");
	must(strchr(out, '"') == NULL, "value holds no quote");
	memset(small, 'x', sizeof(small));
	st = arg_string_get_string(a, key, small, n);
	must(st == STATUS_OUT_OF_MEMORY, "get_string refuses a buffer without room for NUL");
	must(n == 0 || small[0] == 0, "get_string clears out when it does not fit");
	st = arg_string_get_string(a, key, small, n + 1);
	must(st == STATUS_OK && strcmp(small, out) == 0, "get_string fits exactly");
}

static void
check_numbers(const struct arg_string *a, const char *key, bool has)
{
	const uint64_t def = 0x5eedULL;
	uint64_t u = 1, z = 2;
	int64_t s = 3;
	status_t su = arg_string_get_u64(a, key, def, &u);
	status_t sz = arg_string_get_size(a, key, def, &z);
	status_t ss = arg_string_get_s64(a, key, (int64_t)def, &s);
	must(su == STATUS_OK || su == STATUS_INVALID_ARGS, "get_u64 status");
	must(sz == STATUS_OK || sz == STATUS_INVALID_ARGS, "get_size status");
	must(ss == STATUS_OK || ss == STATUS_INVALID_ARGS, "get_s64 status");
	if (!has) {
		must(su == STATUS_OK && u == def, "get_u64 default");
		must(sz == STATUS_OK && z == def, "get_size default");
		must(ss == STATUS_OK && s == (int64_t)def, "get_s64 default");
		return;
	}
	must(su == STATUS_OK || u == 1, "get_u64 writes only on success");
	must(sz == STATUS_OK || z == 2, "get_size writes only on success");
	must(ss == STATUS_OK || s == 3, "get_s64 writes only on success");
	if (su == STATUS_OK) {
		must(sz == STATUS_OK && z == u, "get_size reads what get_u64 reads");
		if (u <= (uint64_t)INT64_MAX)
			must(ss == STATUS_OK && s == (int64_t)u,
			     "get_s64 reads what get_u64 reads");
	}
}

static void
check_bool(const struct arg_string *a, const char *key, bool has)
{
	bool t = false, f = true;
	status_t st = arg_string_get_bool(a, key, true, &t);
	must(st == arg_string_get_bool(a, key, false, &f), "get_bool status independent of def");
	if (!has) {
		must(st == STATUS_OK && t && !f, "get_bool default");
		return;
	}
	must(st == STATUS_OK || st == STATUS_INVALID_ARGS, "get_bool status");
	if (st != STATUS_OK)
		return;
	must(t == f, "get_bool ignores def when present");
	char out[ARG_STRING_MAX];
	arg_string_get_string(a, key, out, sizeof(out));
	static const char *const words[] = {"no", "false", "off", "0", "yes", "true", "on", "1"};
	bool known = false;
	for (unsigned i = 0; i < 8; i++)
		if (strcmp(out, words[i]) == 0)
			known = (i >= 4) == t;
	must(known, "get_bool accepts exactly its words");
}

void
check_getters(const struct arg_string *a, const char *key)
{
	struct arg_string before = *a;
	bool has = arg_string_has(a, key);
	check_string(a, key, has);
	check_numbers(a, key, has);
	check_bool(a, key, has);
	must(arg_same(a, &before), "getters leave the string alone");
}

void
check_invalid_keys(const struct arg_string *a)
{
	static const char *const bad[] = {"", "a=", "a b", "a\"", "-", "k\xff", NULL};
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		uint64_t u;
		char out[8];
		must(!arg_string_has(a, bad[i]), "has refuses an invalid key");
		must(arg_string_get_u64(a, bad[i], 0, &u) == STATUS_INVALID_ARGS,
		     "get_u64 refuses an invalid key");
		must(arg_string_get_string(a, bad[i], out, sizeof(out)) == STATUS_INVALID_ARGS,
		     "get_string refuses an invalid key");
		struct arg_string e = *a;
		must(arg_string_set_u64(&e, bad[i], 1) == STATUS_INVALID_ARGS,
		     "set refuses an invalid key");
		must(arg_string_remove(&e, bad[i]) == STATUS_INVALID_ARGS,
		     "remove refuses an invalid key");
		must(arg_same(&e, a), "refused edits leave the string alone");
	}
}
