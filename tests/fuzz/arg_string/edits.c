/*
 * \brief  Fuzz checks of arg_string editing
 *
 * A set either succeeds, leaving a parsable string that yields the new
 * value, or fails with STATUS_OUT_OF_MEMORY only when the result could not
 * fit, leaving the string as it was. No edit changes another key's value.
 */

#include <stdio.h>
#include <string.h>

#include "fuzz.h"

struct snapshot {
	status_t st[KEYS_MAX];
	char value[KEYS_MAX][ARG_STRING_MAX];
};

static void
snapshot_take(struct snapshot *s, const struct arg_string *a, const struct keys *keys)
{
	for (unsigned i = 0; i < keys->count; i++)
		s->st[i] = arg_string_get_string(a, keys->name[i], s->value[i], ARG_STRING_MAX);
}

/* the values of all keys but keys->name[which] are as in the snapshot */
static void
check_others(const struct snapshot *s, const struct arg_string *a, const struct keys *keys,
             unsigned which)
{
	char value[ARG_STRING_MAX];
	for (unsigned i = 0; i < keys->count; i++) {
		if (strcmp(keys->name[i], keys->name[which]) == 0)
			continue;
		status_t st = arg_string_get_string(a, keys->name[i], value, sizeof(value));
		must(st == s->st[i] && strcmp(value, s->value[i]) == 0,
		     "an edit leaves the other keys alone");
	}
}

static bool
has_pairs(const struct arg_string *a)
{
	for (size_t i = 0; i < a->len; i++)
		if (a->buf[i] != ' ' && a->buf[i] != '\t' && a->buf[i] != '\n' && a->buf[i] != '\r')
			return true;
	return false;
}

/* the outcome of a set that writes 'rendered' bytes as the value of key */
static void
check_set(const struct arg_string *before, const struct arg_string *e, status_t st, const char *key,
          size_t rendered)
{
	must(st == STATUS_OK || st == STATUS_OUT_OF_MEMORY, "set status");
	char old[ARG_STRING_MAX];
	bool had = arg_string_get_string(before, key, old, sizeof(old)) == STATUS_OK;
	size_t appended = (has_pairs(before) ? 2 : 0) + strlen(key) + 1 + rendered;
	if (st == STATUS_OUT_OF_MEMORY) {
		must(arg_same(e, before), "a set that does not fit changes nothing");
		/* the old value took at least strlen(old) bytes, at most two more */
		if (had)
			must(before->len - strlen(old) + rendered > ARG_STRING_LEN_MAX,
			     "set in place refused only when it cannot fit");
		else
			must(before->len + appended > ARG_STRING_LEN_MAX,
			     "append refused only when it cannot fit");
		return;
	}
	check_reparses(e);
	must(arg_string_has(e, key), "a set key is there");
	if (!had)
		must(e->len == before->len + appended, "append adds exactly ', key=value'");
}

enum { VALUE_MAX = ARG_STRING_MAX + 8 };

/*
 * A printable value without quotes, of a length chosen by the input, up to
 * one that is not even terminated within ARG_STRING_MAX bytes.
 */
static void
value_from(char *value, const uint8_t *data, size_t size)
{
	size_t n = size ? data[0] % 64 + (size > 1 ? data[1] % 200 : 0) : 0;
	if (n > VALUE_MAX - 1)
		n = VALUE_MAX - 1;
	for (size_t i = 0; i < n; i++) {
		char c = (char)(0x20 + (size ? data[i % size] : 0) % 95);
		value[i] = c == '"' ? '\'' : c;
	}
	value[n] = 0;
}

static uint64_t
number_from(const uint8_t *data, size_t size)
{
	uint64_t x = 0;
	for (size_t i = 0; i < size && i < 8; i++)
		x = x << 8 | data[size - 1 - i];
	return x;
}

static void
cycle_set(struct arg_string *e, const char *key, const uint8_t *data, size_t size)
{
	struct arg_string before = *e;
	char value[VALUE_MAX], got[ARG_STRING_MAX];
	must(arg_string_set_string(e, key, "x\"y") == STATUS_INVALID_ARGS, "quote refused");
	must(arg_string_set_string(e, key, "x\ty") == STATUS_INVALID_ARGS, "control refused");
	must(arg_same(e, &before), "a refused set changes nothing");

	value_from(value, data, size);
	status_t st = arg_string_set_string(e, key, value);
	check_set(&before, e, st, key, strlen(value) + 2);
	if (st == STATUS_OK)
		must(arg_string_get_string(e, key, got, sizeof(got)) == STATUS_OK &&
		             strcmp(got, value) == 0,
		     "get_string yields what set_string wrote");

	uint64_t x = number_from(data, size), u = 0;
	before = *e;
	st = arg_string_set_u64(e, key, x);
	char digits[32];
	check_set(&before, e, st, key,
	          (size_t)snprintf(digits, sizeof(digits), "%llu", (unsigned long long)x));
	if (st == STATUS_OK)
		must(arg_string_get_u64(e, key, ~x, &u) == STATUS_OK && u == x,
		     "get_u64 yields what set_u64 wrote");

	int64_t v = (int64_t)(0 - x), s = 0;
	before = *e;
	st = arg_string_set_s64(e, key, v);
	check_set(&before, e, st, key,
	          (size_t)snprintf(digits, sizeof(digits), "%lld", (long long)v));
	if (st == STATUS_OK)
		must(arg_string_get_s64(e, key, ~v, &s) == STATUS_OK && s == v,
		     "get_s64 yields what set_s64 wrote");
}

static void
cycle_remove(struct arg_string *e, const char *key)
{
	struct arg_string before = *e;
	bool had = arg_string_has(e, key);
	status_t st = arg_string_remove(e, key);
	must(st == (had ? STATUS_OK : STATUS_NOT_FOUND), "remove status");
	must(!arg_string_has(e, key), "a removed key is gone");
	must(e->len <= before.len, "remove does not grow the string");
	if (!had)
		must(arg_same(e, &before), "removing a missing key changes nothing");
	check_reparses(e);
}

void
check_edit_cycle(const struct arg_string *a, const struct keys *keys, unsigned which,
                 const uint8_t *data, size_t size)
{
	const char *key = keys->name[which];
	struct snapshot s;
	struct arg_string e = *a;
	snapshot_take(&s, a, keys);

	cycle_set(&e, key, data, size);
	check_others(&s, &e, keys, which);
	cycle_remove(&e, key);
	check_others(&s, &e, keys, which);

	struct arg_string before = e;
	status_t st = arg_string_set_u64(&e, key, 0);
	check_set(&before, &e, st, key, 1);
	check_others(&s, &e, keys, which);
}
