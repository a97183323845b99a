/*
 * \brief  Session-argument strings: bounded key=value lists
 *
 * A client names what it wants from a session in a short string such as
 *
 *   ram_quota=8K, label="launchpad -> testnit", priority=0x100, wc=yes
 *
 * and every parent on the way may read and rewrite it before the server
 * sees it. The string travels in RPC messages and is copied into a
 * 256-byte buffer by the root, so it is a fixed-capacity value here: no
 * allocation, the text is at most ARG_STRING_LEN_MAX bytes plus a NUL.
 *
 * Grammar (checked in full by arg_string_init, so every other function
 * may rely on it):
 *
 *   args  = ws [ pair { ws "," ws pair } ] ws
 *   pair  = key ws "=" ws value
 *   key   = 1*( letter | digit | "_" )
 *   value = '"' *( printable ASCII except '"' ) '"'
 *         | 1*( letter | digit | "_" | "-" | "+" | "." | ":" | "/" )
 *   ws    = *( " " | TAB | CR | LF )
 *
 * An empty or all-blank string is valid and has no keys. A trailing,
 * leading or doubled comma, an empty value and any byte outside printable
 * ASCII (other than the blanks between tokens) are errors.
 *
 * Duplicate keys are accepted, and the FIRST occurrence is the one that
 * counts, as in Genode. The getters and arg_string_set_* agree on that
 * occurrence, so when a parent rewrites a key, a second copy that a child
 * appended further back can never override what the parent wrote.
 * arg_string_remove deletes every occurrence, so that no stale copy moves
 * up to become the first.
 *
 * Keys are compared exactly and case-sensitively: "ram_quota" matches
 * neither "xram_quota" nor "ram_quota_x". A key argument that is not a
 * valid key (NULL, empty, a byte outside [A-Za-z0-9_]) is a caller error
 * and gives STATUS_INVALID_ARGS.
 */

#ifndef _INCLUDE__UTIL__ARG_STRING_H_
#define _INCLUDE__UTIL__ARG_STRING_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/status.h>

enum {
	ARG_STRING_MAX = 256,                    /* buffer size, like Genode's root */
	ARG_STRING_LEN_MAX = ARG_STRING_MAX - 1, /* longest text, the NUL excluded */
	ARG_ERROR_KEY_MAX = 32,                  /* key copy in an arg_error, NUL included */
};

/*
 * The text is always NUL-terminated at buf[len] and always satisfies the
 * grammar above once arg_string_init has succeeded. Treat the members as
 * read-only; the struct may be copied by value.
 */
struct arg_string {
	char buf[ARG_STRING_MAX];
	size_t len;
};

/*
 * Why arg_string_init rejected a text. 'reason' points to a static string
 * naming what was expected ("expected '=' after key"); 'offset' is the byte
 * offset into the text at which it went wrong (for an unterminated quoted
 * value, the opening quote); 'key' holds the key of the pair in which it
 * went wrong, truncated to ARG_ERROR_KEY_MAX - 1 bytes, or "" when no key
 * had been read yet.
 */
struct arg_error {
	size_t offset;
	char key[ARG_ERROR_KEY_MAX];
	const char *reason;
};

/*
 * Validate len bytes of text and copy them into a. The text need not be
 * NUL-terminated (a NUL within len is an error) and stays the caller's; it
 * may be NULL when len is 0, and may be a's own buffer (to re-check it). Returns
 * STATUS_INVALID_ARGS for a text that breaks the grammar or is longer than ARG_STRING_LEN_MAX, and
 * then fills *err (err may be NULL) and leaves a empty but usable.
 */
status_t arg_string_init(struct arg_string *a, const char *text, size_t len, struct arg_error *err);

/* the NUL-terminated text; valid while a lives and is not edited */
const char *arg_string_text(const struct arg_string *a);

bool arg_string_has(const struct arg_string *a, const char *key);

/*
 * Copy the value of key into out (out_size bytes, NUL included), without
 * the quotes of a quoted value; an unquoted value is copied as written.
 * STATUS_NOT_FOUND without the key, STATUS_OUT_OF_MEMORY when the value does
 * not fit. On any error, out holds "" (if out_size > 0).
 */
status_t arg_string_get_string(const struct arg_string *a, const char *key, char *out,
                               size_t out_size);

/*
 * Numeric and boolean getters. A missing key yields def and STATUS_OK. A
 * present key whose value is malformed, out of range or quoted yields
 * STATUS_INVALID_ARGS, never the default. *out is written only on success.
 *
 *   get_u64   decimal or 0x hex
 *   get_size  like get_u64 with an optional K, M or G suffix (powers of 1024)
 *   get_s64   like get_u64 with an optional leading '-'
 *   get_bool  yes, true, on, 1  or  no, false, off, 0  (lower case)
 */
status_t arg_string_get_u64(const struct arg_string *a, const char *key, uint64_t def,
                            uint64_t *out);
status_t arg_string_get_size(const struct arg_string *a, const char *key, uint64_t def,
                             uint64_t *out);
status_t arg_string_get_s64(const struct arg_string *a, const char *key, int64_t def, int64_t *out);
status_t arg_string_get_bool(const struct arg_string *a, const char *key, bool def, bool *out);

/*
 * Editing, as a parent does before forwarding a session request. A set
 * replaces the value of the first occurrence of key in place, or appends
 * ", key=value" (just "key=value" to a string without keys). Strings are
 * written quoted, numbers in decimal. If the result would be longer than
 * ARG_STRING_LEN_MAX, the call returns STATUS_OUT_OF_MEMORY and a is left
 * exactly as it was; the same holds for every other error.
 *
 * arg_string_set_string refuses (STATUS_INVALID_ARGS) a value that could
 * not be quoted: one containing '"' or a byte outside printable ASCII.
 */
status_t arg_string_set_string(struct arg_string *a, const char *key, const char *value);
status_t arg_string_set_u64(struct arg_string *a, const char *key, uint64_t value);
status_t arg_string_set_s64(struct arg_string *a, const char *key, int64_t value);

/* delete every occurrence of key with its separator; STATUS_NOT_FOUND if none */
status_t arg_string_remove(struct arg_string *a, const char *key);

#endif /* _INCLUDE__UTIL__ARG_STRING_H_ */
