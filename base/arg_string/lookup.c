/*
 * \brief  Reading values from session-argument strings
 */

#include <util/number.h>
#include <util/string.h>

#include "scan.h"

const char *
arg_string_text(const struct arg_string *a)
{
	return a->buf;
}

bool
arg_string_has(const struct arg_string *a, const char *key)
{
	struct arg_location loc;
	return arg_locate(a, key, &loc) == STATUS_OK && loc.found;
}

status_t
arg_string_get_string(const struct arg_string *a, const char *key, char *out, size_t out_size)
{
	if (!out)
		return STATUS_INVALID_ARGS;
	if (out_size > 0)
		out[0] = 0;

	struct arg_location loc;
	status_t st = arg_locate(a, key, &loc);
	if (st != STATUS_OK)
		return st;
	if (!loc.found)
		return STATUS_NOT_FOUND;

	const struct arg_pair *p = &loc.pair;
	size_t from = p->quoted ? p->value + 1 : p->value;
	size_t n = p->quoted ? p->value_len - 2 : p->value_len;
	if (n >= out_size)
		return STATUS_OUT_OF_MEMORY;
	str_copy_counted(out, out_size, a->buf + from, n);
	return STATUS_OK;
}

/*
 * The unquoted value of key for the typed getters. A quoted number is
 * refused rather than unquoted: clients write numbers bare, so quotes mean
 * the value was meant as a string and a number read from it would be a guess.
 */
static status_t
lookup_token(const struct arg_string *a, const char *key, const char **token, size_t *len)
{
	struct arg_location loc;
	status_t st = arg_locate(a, key, &loc);
	if (st != STATUS_OK)
		return st;
	if (!loc.found)
		return STATUS_NOT_FOUND;
	if (loc.pair.quoted)
		return STATUS_INVALID_ARGS;
	*token = a->buf + loc.pair.value;
	*len = loc.pair.value_len;
	return STATUS_OK;
}

typedef status_t (*parse_u64_fn)(const char *s, size_t len, uint64_t *out);

static status_t
get_unsigned(const struct arg_string *a, const char *key, uint64_t def, uint64_t *out,
             parse_u64_fn parse)
{
	if (!out)
		return STATUS_INVALID_ARGS;
	const char *token;
	size_t len;
	status_t st = lookup_token(a, key, &token, &len);
	if (st == STATUS_NOT_FOUND) {
		*out = def;
		return STATUS_OK;
	}
	return st == STATUS_OK ? parse(token, len, out) : st;
}

status_t
arg_string_get_u64(const struct arg_string *a, const char *key, uint64_t def, uint64_t *out)
{
	return get_unsigned(a, key, def, out, number_parse_u64);
}

status_t
arg_string_get_size(const struct arg_string *a, const char *key, uint64_t def, uint64_t *out)
{
	return get_unsigned(a, key, def, out, number_parse_size);
}

status_t
arg_string_get_s64(const struct arg_string *a, const char *key, int64_t def, int64_t *out)
{
	if (!out)
		return STATUS_INVALID_ARGS;
	const char *token;
	size_t len;
	status_t st = lookup_token(a, key, &token, &len);
	if (st == STATUS_NOT_FOUND) {
		*out = def;
		return STATUS_OK;
	}
	return st == STATUS_OK ? number_parse_s64(token, len, out) : st;
}

static bool
token_is_one_of(const char *token, size_t len, const char *const *words)
{
	for (; *words; words++)
		if (str_equal_counted(*words, token, len))
			return true;
	return false;
}

status_t
arg_string_get_bool(const struct arg_string *a, const char *key, bool def, bool *out)
{
	static const char *const yes[] = {"yes", "true", "on", "1", NULL};
	static const char *const no[] = {"no", "false", "off", "0", NULL};

	if (!out)
		return STATUS_INVALID_ARGS;
	const char *token;
	size_t len;
	status_t st = lookup_token(a, key, &token, &len);
	if (st == STATUS_NOT_FOUND) {
		*out = def;
		return STATUS_OK;
	}
	if (st != STATUS_OK)
		return st;
	if (token_is_one_of(token, len, yes))
		*out = true;
	else if (token_is_one_of(token, len, no))
		*out = false;
	else
		return STATUS_INVALID_ARGS;
	return STATUS_OK;
}
