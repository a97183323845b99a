/*
 * \brief  Test cases of test-arg_string and the helpers they share
 */

#ifndef _TESTS__UNIT__ARG_STRING__CASES_H_
#define _TESTS__UNIT__ARG_STRING__CASES_H_

#include <stddef.h>

#include <util/arg_string.h>

/* parse a NUL-terminated text that must be valid (a failed CHECK otherwise) */
void parse_ok(struct arg_string *a, const char *text);

/* parse len bytes that must be invalid; the error is returned in *err */
void parse_bad(const char *text, size_t len, struct arg_error *err);

/* the current text of a must still parse, to the same text */
void check_reparses(const struct arg_string *a);

/* parse.c */
void parse_empty(void);
void parse_genode_example(void);
void parse_whitespace(void);
void parse_quoted(void);
void parse_missing_equals(void);
void parse_commas(void);
void parse_empty_key_and_value(void);
void parse_unterminated_quote(void);
void parse_junk_after_value(void);
void parse_stray_bytes(void);
void parse_length_bound(void);
void parse_error_key_truncated(void);
void parse_failure_empties(void);

/* lookup.c */
void lookup_string(void);
void lookup_string_bounds(void);
void lookup_numbers(void);
void lookup_size_suffixes(void);
void lookup_signed(void);
void lookup_overflow(void);
void lookup_bool(void);
void lookup_defaults(void);
void lookup_malformed_not_default(void);
void lookup_duplicates(void);
void lookup_prefix_keys(void);
void lookup_invalid_key_arg(void);

/* edit.c */
void edit_replace_in_place(void);
void edit_append(void);
void edit_set_string_refused(void);
void edit_set_numbers(void);
void edit_set_duplicate(void);
void edit_set_invalid_key(void);
void edit_overflow_unchanged(void);
void edit_exact_fit(void);
void edit_remove(void);
void edit_remove_duplicates(void);
void edit_round_trip(void);

#endif /* _TESTS__UNIT__ARG_STRING__CASES_H_ */
