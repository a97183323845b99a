/*
 * \brief  Tokenizing and validating session-argument strings
 */

#include <util/string.h>

#include "scan.h"

_Static_assert(ARG_STRING_LEN_MAX == 255, "the length error message names the bound");

bool
arg_char_is_key(char c)
{
	return char_is_alpha(c) || char_is_digit(c) || c == '_';
}

bool
arg_char_is_printable(char c)
{
	return c >= 0x20 && c <= 0x7e;
}

static bool
char_is_token(char c)
{
	return arg_char_is_key(c) || c == '-' || c == '+' || c == '.' || c == ':' || c == '/';
}

bool
arg_key_is_valid(const char *key, size_t *len)
{
	if (!key)
		return false;
	size_t n = str_len_bounded(key, ARG_STRING_MAX);
	if (n == 0 || n == ARG_STRING_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!arg_char_is_key(key[i]))
			return false;
	*len = n;
	return true;
}

void
arg_scanner_init(struct arg_scanner *sc, const char *s, size_t len)
{
	sc->s = s;
	sc->len = len;
	sc->pos = 0;
	sc->after_comma = false;
}

static void
skip_blanks(struct arg_scanner *sc)
{
	while (sc->pos < sc->len && char_is_space(sc->s[sc->pos]))
		sc->pos++;
}

static bool
at(const struct arg_scanner *sc, char c)
{
	return sc->pos < sc->len && sc->s[sc->pos] == c;
}

static const char invalid_byte[] = "invalid byte (control character, NUL or non-ASCII)";

static status_t
fail_at(struct arg_error *err, size_t offset, const char *reason)
{
	if (err) {
		err->offset = offset;
		err->key[0] = 0;
		err->reason = reason;
	}
	return STATUS_INVALID_ARGS;
}

/*
 * A byte that can never appear anywhere gets its own reason, whatever the
 * parser was looking for, because "expected '='" would hide that the text
 * carries a control character or a NUL.
 */
static status_t
fail(struct arg_error *err, const struct arg_scanner *sc, size_t offset, const struct arg_pair *p,
     const char *reason)
{
	char c = offset < sc->len ? sc->s[offset] : ' ';
	if (!arg_char_is_printable(c) && !char_is_space(c))
		reason = invalid_byte;
	fail_at(err, offset, reason);
	if (err && p)
		str_copy_counted(err->key, sizeof(err->key), sc->s + p->key, p->key_len);
	return STATUS_INVALID_ARGS;
}

static status_t
scan_quoted(struct arg_scanner *sc, struct arg_pair *p, struct arg_error *err)
{
	size_t open = sc->pos++;
	for (; sc->pos < sc->len && sc->s[sc->pos] != '"'; sc->pos++)
		if (!arg_char_is_printable(sc->s[sc->pos]))
			return fail(err, sc, sc->pos, p, invalid_byte);
	if (sc->pos == sc->len)
		return fail(err, sc, open, p, "unterminated quoted value");
	sc->pos++;
	p->quoted = true;
	return STATUS_OK;
}

static status_t
scan_value(struct arg_scanner *sc, struct arg_pair *p, struct arg_error *err)
{
	p->value = sc->pos;
	if (sc->pos == sc->len || at(sc, ','))
		return fail(err, sc, sc->pos, p, "expected value after '='");
	if (at(sc, '"')) {
		status_t st = scan_quoted(sc, p, err);
		if (st != STATUS_OK)
			return st;
	} else {
		while (sc->pos < sc->len && char_is_token(sc->s[sc->pos]))
			sc->pos++;
		if (sc->pos == p->value)
			return fail(err, sc, sc->pos, p,
			            "expected quoted value or letters, digits, _-+.:/");
	}
	p->value_len = sc->pos - p->value;
	p->end = sc->pos;
	return STATUS_OK;
}

static status_t
scan_separator(struct arg_scanner *sc, struct arg_pair *p, struct arg_error *err)
{
	skip_blanks(sc);
	p->comma = at(sc, ',');
	if (sc->pos < sc->len && !p->comma)
		return fail(err, sc, sc->pos, p, "expected ',' after value");
	if (p->comma) {
		sc->pos++;
		skip_blanks(sc);
	}
	sc->after_comma = p->comma;
	p->next = sc->pos;
	return STATUS_OK;
}

static status_t
scan_key(struct arg_scanner *sc, struct arg_pair *p, struct arg_error *err)
{
	p->key = sc->pos;
	while (sc->pos < sc->len && arg_char_is_key(sc->s[sc->pos]))
		sc->pos++;
	p->key_len = sc->pos - p->key;
	if (p->key_len == 0) {
		if (sc->pos == sc->len)
			return fail(err, sc, sc->pos, NULL, "expected key after ','");
		if (at(sc, '=') || at(sc, ','))
			return fail(err, sc, sc->pos, NULL, "empty key");
		return fail(err, sc, sc->pos, NULL, "expected key of letters, digits and '_'");
	}
	skip_blanks(sc);
	if (!at(sc, '='))
		return fail(err, sc, sc->pos, p, "expected '=' after key");
	sc->pos++;
	skip_blanks(sc);
	return STATUS_OK;
}

status_t
arg_scanner_next(struct arg_scanner *sc, struct arg_pair *p, struct arg_error *err)
{
	skip_blanks(sc);
	if (sc->pos == sc->len && !sc->after_comma)
		return STATUS_NOT_FOUND;

	mem_set(p, 0, sizeof(*p));
	status_t st = scan_key(sc, p, err);
	if (st == STATUS_OK)
		st = scan_value(sc, p, err);
	if (st == STATUS_OK)
		st = scan_separator(sc, p, err);
	return st;
}

status_t
arg_locate(const struct arg_string *a, const char *key, struct arg_location *loc)
{
	size_t key_len;
	if (!a || a->len > ARG_STRING_LEN_MAX || !arg_key_is_valid(key, &key_len))
		return STATUS_INVALID_ARGS;

	mem_set(loc, 0, sizeof(*loc));
	struct arg_scanner sc;
	arg_scanner_init(&sc, a->buf, a->len);
	struct arg_pair p;
	status_t st;
	while ((st = arg_scanner_next(&sc, &p, NULL)) == STATUS_OK) {
		bool match = p.key_len == key_len && mem_compare(a->buf + p.key, key, key_len) == 0;
		if (match && !loc->found) {
			loc->found = true;
			loc->pair = p;
			loc->has_prev = loc->count > 0;
			loc->prev_end = loc->last_end;
		}
		loc->count++;
		loc->last_end = p.end;
	}
	return st == STATUS_NOT_FOUND ? STATUS_OK : st;
}

static void
error_clear(struct arg_error *err)
{
	if (!err)
		return;
	err->offset = 0;
	err->key[0] = 0;
	err->reason = "no error";
}

static status_t
validate(const char *text, size_t len, struct arg_error *err)
{
	if (len > ARG_STRING_LEN_MAX)
		return fail_at(err, ARG_STRING_LEN_MAX, "argument string longer than 255 bytes");
	if (!text && len > 0)
		return fail_at(err, 0, "no text");

	struct arg_scanner sc;
	arg_scanner_init(&sc, text, len);
	struct arg_pair p;
	status_t st;
	while ((st = arg_scanner_next(&sc, &p, err)) == STATUS_OK)
		;
	return st == STATUS_NOT_FOUND ? STATUS_OK : st;
}

status_t
arg_string_init(struct arg_string *a, const char *text, size_t len, struct arg_error *err)
{
	error_clear(err);
	if (!a)
		return STATUS_INVALID_ARGS;

	/* a is written only after the check, since text may be a's own buffer */
	status_t st = validate(text, len, err);
	if (st != STATUS_OK)
		len = 0;
	mem_move(a->buf, text, len);
	a->buf[len] = 0;
	a->len = len;
	return st;
}
