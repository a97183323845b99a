/*
 * \brief  Rewriting session-argument strings
 *
 * Every edit first builds the bytes to insert, then checks the resulting
 * length and only then touches the string, so that a failed edit leaves it
 * exactly as it was. The inserted bytes always satisfy the grammar, hence
 * the edited string does too.
 */

#include <util/string.h>

#include "scan.h"

/* bytes to be inserted; 'overflow' once they could never fit */
struct piece {
	char buf[ARG_STRING_MAX];
	size_t len;
	bool overflow;
};

static void
piece_add(struct piece *p, const char *s, size_t n)
{
	if (p->overflow || n > ARG_STRING_LEN_MAX - p->len) {
		p->overflow = true;
		return;
	}
	mem_copy(p->buf + p->len, s, n);
	p->len += n;
}

static void
piece_add_u64(struct piece *p, uint64_t v)
{
	char digits[20];
	size_t n = sizeof(digits);
	do {
		digits[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	piece_add(p, digits + n, sizeof(digits) - n);
}

/* replace the cut bytes at 'at' by the piece */
static status_t
splice(struct arg_string *a, size_t at, size_t cut, const struct piece *ins)
{
	if (ins->overflow || ins->len > ARG_STRING_LEN_MAX - (a->len - cut))
		return STATUS_OUT_OF_MEMORY;
	size_t tail = a->len - at - cut;
	mem_move(a->buf + at + ins->len, a->buf + at + cut, tail);
	mem_copy(a->buf + at, ins->buf, ins->len);
	a->len = a->len - cut + ins->len;
	a->buf[a->len] = 0;
	return STATUS_OK;
}

static status_t
set_value(struct arg_string *a, const char *key, const struct piece *value)
{
	struct arg_location loc;
	status_t st = arg_locate(a, key, &loc);
	if (st != STATUS_OK)
		return st;
	if (loc.found)
		return splice(a, loc.pair.value, loc.pair.value_len, value);

	struct piece pair = {.len = 0};
	if (loc.count > 0)
		piece_add(&pair, ", ", 2);
	piece_add(&pair, key, str_len(key));
	piece_add(&pair, "=", 1);
	piece_add(&pair, value->buf, value->len);
	pair.overflow |= value->overflow;
	return splice(a, loc.count > 0 ? loc.last_end : a->len, 0, &pair);
}

status_t
arg_string_set_string(struct arg_string *a, const char *key, const char *value)
{
	if (!value)
		return STATUS_INVALID_ARGS;
	size_t n = str_len_bounded(value, ARG_STRING_MAX);
	for (size_t i = 0; i < n; i++)
		if (value[i] == '"' || !arg_char_is_printable(value[i]))
			return STATUS_INVALID_ARGS;

	struct piece quoted = {.len = 0};
	piece_add(&quoted, "\"", 1);
	piece_add(&quoted, value, n);
	piece_add(&quoted, "\"", 1);
	return set_value(a, key, &quoted);
}

status_t
arg_string_set_u64(struct arg_string *a, const char *key, uint64_t value)
{
	struct piece number = {.len = 0};
	piece_add_u64(&number, value);
	return set_value(a, key, &number);
}

status_t
arg_string_set_s64(struct arg_string *a, const char *key, int64_t value)
{
	struct piece number = {.len = 0};
	if (value < 0)
		piece_add(&number, "-", 1);
	/* negate in unsigned arithmetic so that INT64_MIN does not overflow */
	piece_add_u64(&number, value < 0 ? 0 - (uint64_t)value : (uint64_t)value);
	return set_value(a, key, &number);
}

/*
 * Take the pair out together with one separator: the ',' behind it, or
 * else the one in front of it, so that no empty element remains.
 */
static void
remove_pair(struct arg_string *a, const struct arg_location *loc)
{
	const struct arg_pair *p = &loc->pair;
	size_t from = p->key, to = p->end;
	if (p->comma)
		to = p->next;
	else if (loc->has_prev)
		from = loc->prev_end;

	struct piece none = {.len = 0};
	splice(a, from, to - from, &none);
}

status_t
arg_string_remove(struct arg_string *a, const char *key)
{
	struct arg_location loc;
	status_t st = arg_locate(a, key, &loc);
	if (st != STATUS_OK)
		return st;
	if (!loc.found)
		return STATUS_NOT_FOUND;

	while (st == STATUS_OK && loc.found) {
		remove_pair(a, &loc);
		st = arg_locate(a, key, &loc);
	}
	return st;
}
