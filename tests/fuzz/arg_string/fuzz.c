/*
 * \brief  Fuzz target: arbitrary bytes as a session-argument string
 *
 * Every input goes through arg_string_init. A valid one is then read with
 * every getter and edited with a set/remove cycle, and the properties the
 * header promises are checked on the way: getters never change the string,
 * a failed edit leaves it untouched, a successful one leaves a string that
 * still parses and changes no other key. A violation calls abort() so that
 * libFuzzer records the input.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

void
must(bool cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "arg_string invariant violated: %s\n", what);
		abort();
	}
}

static int
is_key_char(uint8_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

static void
keys_add(struct keys *k, const char *s, size_t len)
{
	if (k->count == KEYS_MAX || len == 0)
		return;
	if (len > KEY_LEN_MAX)
		len = KEY_LEN_MAX;
	memcpy(k->name[k->count], s, len);
	k->name[k->count][len] = 0;
	k->count++;
}

enum { FIXED_KEYS = 4 };

/* a few fixed keys and the first runs of key characters found in the input */
static void
keys_collect(struct keys *k, const uint8_t *data, size_t size)
{
	static const char *const fixed[FIXED_KEYS] = {"ram_quota", "label", "priority", "a"};
	k->count = 0;
	for (unsigned i = 0; i < FIXED_KEYS; i++)
		keys_add(k, fixed[i], strlen(fixed[i]));
	for (size_t i = 0; i < size;) {
		size_t start = i;
		while (i < size && is_key_char(data[i]))
			i++;
		keys_add(k, (const char *)data + start, i - start);
		if (i == start)
			i++;
	}
}

static void
check_init_error(status_t st, const struct arg_string *a, const struct arg_error *err, size_t size)
{
	must(st == STATUS_INVALID_ARGS, "init fails only with invalid args");
	must(err->reason != NULL && err->reason[0] != 0, "error has a reason");
	must(err->offset <= size, "error offset within the text");
	must(strlen(err->key) < ARG_ERROR_KEY_MAX, "error key terminated");
	must(a->len == 0 && a->buf[0] == 0, "failed init leaves the string empty");
	if (size > ARG_STRING_LEN_MAX)
		must(strcmp(err->reason, "argument string longer than 255 bytes") == 0,
		     "overlong text reported as such");
}

static void
check_valid_text(const struct arg_string *a, const uint8_t *data, size_t size)
{
	must(size <= ARG_STRING_LEN_MAX, "valid text within the bound");
	must(a->len == size && memcmp(a->buf, data, size) == 0, "text copied as given");
	must(a->buf[size] == 0, "text terminated");
	for (size_t i = 0; i < size; i++) {
		uint8_t c = data[i];
		must((c >= 0x20 && c <= 0x7e) || c == '\t' || c == '\n' || c == '\r',
		     "valid text holds printable ASCII and blanks only");
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arg_string a;
	struct arg_error err;
	status_t st = arg_string_init(&a, (const char *)data, size, &err);
	struct arg_string b;
	must(arg_string_init(&b, (const char *)data, size, NULL) == st, "err is optional");
	if (st != STATUS_OK) {
		check_init_error(st, &a, &err, size);
		return 0;
	}
	check_valid_text(&a, data, size);

	struct keys keys;
	keys_collect(&keys, data, size);
	for (unsigned i = 0; i < keys.count; i++)
		check_getters(&a, keys.name[i]);
	check_invalid_keys(&a);
	/* editing is the slow part: one fixed key and the first keys of the input */
	for (unsigned i = FIXED_KEYS - 1; i < keys.count && i < FIXED_KEYS + 3; i++)
		check_edit_cycle(&a, &keys, i, data, size);
	return 0;
}
