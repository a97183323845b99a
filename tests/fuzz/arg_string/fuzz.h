/*
 * \brief  Checks shared by the parts of the arg_string fuzz target
 */

#ifndef _TESTS__FUZZ__ARG_STRING__FUZZ_H_
#define _TESTS__FUZZ__ARG_STRING__FUZZ_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <util/arg_string.h>

enum { KEYS_MAX = 9, KEY_LEN_MAX = 40 };

/* the keys an input is probed with */
struct keys {
	char name[KEYS_MAX][KEY_LEN_MAX + 1];
	unsigned count;
};

/* abort with a message unless cond holds */
void must(bool cond, const char *what);

/* same length and text */
bool arg_same(const struct arg_string *a, const struct arg_string *b);

/* the text of a must parse again, to the same text */
void check_reparses(const struct arg_string *a);

/* every getter on one key of a valid string */
void check_getters(const struct arg_string *a, const char *key);

/* keys that are no keys are refused by every call */
void check_invalid_keys(const struct arg_string *a);

/* set and remove keys->name[which] on a copy of a */
void check_edit_cycle(const struct arg_string *a, const struct keys *keys, unsigned which,
                      const uint8_t *data, size_t size);

#endif /* _TESTS__FUZZ__ARG_STRING__FUZZ_H_ */
