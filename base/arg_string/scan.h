/*
 * \brief  Private tokenizer of the arg_string library
 *
 * The parser, the getters and the editor walk the text with the same
 * scanner, so that all three agree on where a pair, its key and its value
 * begin and end. Only arg_string_init reports errors; on a validated text
 * the scanner cannot fail.
 */

#ifndef _BASE__ARG_STRING__SCAN_H_
#define _BASE__ARG_STRING__SCAN_H_

#include <util/arg_string.h>

/* one key=value pair, as byte offsets into the scanned text */
struct arg_pair {
	size_t key, key_len;
	size_t value, value_len; /* a quoted value includes its quotes */
	bool quoted;
	size_t end;  /* just past the value */
	bool comma;  /* a ',' follows the value */
	size_t next; /* after that ',' and the blanks behind it, else end of text */
};

struct arg_scanner {
	const char *s;
	size_t len;
	size_t pos;
	bool after_comma; /* the end of the text is an error here */
};

void arg_scanner_init(struct arg_scanner *sc, const char *s, size_t len);

/*
 * STATUS_OK with the next pair in *p, STATUS_NOT_FOUND at the end of the
 * text, or STATUS_INVALID_ARGS with *err filled (err may be NULL).
 */
status_t arg_scanner_next(struct arg_scanner *sc, struct arg_pair *p, struct arg_error *err);

bool arg_char_is_key(char c);
bool arg_char_is_printable(char c);

/* whether key is a valid, NUL-terminated key; its length into *len */
bool arg_key_is_valid(const char *key, size_t *len);

/* what an edit needs to know about one key in a validated string */
struct arg_location {
	bool found;
	struct arg_pair pair; /* the first pair with the key */
	bool has_prev;        /* another pair precedes it ... */
	size_t prev_end;      /* ... and its value ends here */
	size_t count;         /* pairs in the string */
	size_t last_end;      /* end of the value of the last pair */
};

/*
 * Find key in a. STATUS_INVALID_ARGS for an invalid key or a text that no
 * longer satisfies the grammar (the struct members were written by hand).
 */
status_t arg_locate(const struct arg_string *a, const char *key, struct arg_location *loc);

#endif /* _BASE__ARG_STRING__SCAN_H_ */
