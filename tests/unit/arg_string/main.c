/*
 * \brief  Unit test of the session-argument strings (library arg_string)
 */

#include <string.h>

#include "../../harness/harness.h"
#include "cases.h"

void
parse_ok(struct arg_string *a, const char *text)
{
	struct arg_error err;
	status_t st = arg_string_init(a, text, strlen(text), &err);
	if (!CHECK_EQ(st, STATUS_OK))
		CHECK_STR(err.reason, "(no error expected)");
}

void
parse_bad(const char *text, size_t len, struct arg_error *err)
{
	struct arg_string a;
	CHECK_EQ(arg_string_init(&a, text, len, err), STATUS_INVALID_ARGS);
	CHECK(err->reason != NULL);
}

void
check_reparses(const struct arg_string *a)
{
	struct arg_string b;
	CHECK_EQ(arg_string_init(&b, a->buf, a->len, NULL), STATUS_OK);
	CHECK_STR(arg_string_text(&b), arg_string_text(a));
	CHECK_EQ(strlen(arg_string_text(a)), a->len);
}

TEST_MAIN(TEST_CASE(parse_empty), TEST_CASE(parse_genode_example), TEST_CASE(parse_whitespace),
          TEST_CASE(parse_quoted), TEST_CASE(parse_missing_equals), TEST_CASE(parse_commas),
          TEST_CASE(parse_empty_key_and_value), TEST_CASE(parse_unterminated_quote),
          TEST_CASE(parse_junk_after_value), TEST_CASE(parse_stray_bytes),
          TEST_CASE(parse_length_bound), TEST_CASE(parse_error_key_truncated),
          TEST_CASE(parse_failure_empties), TEST_CASE(lookup_string),
          TEST_CASE(lookup_string_bounds), TEST_CASE(lookup_numbers),
          TEST_CASE(lookup_size_suffixes), TEST_CASE(lookup_signed), TEST_CASE(lookup_overflow),
          TEST_CASE(lookup_bool), TEST_CASE(lookup_defaults),
          TEST_CASE(lookup_malformed_not_default), TEST_CASE(lookup_duplicates),
          TEST_CASE(lookup_prefix_keys), TEST_CASE(lookup_invalid_key_arg),
          TEST_CASE(edit_replace_in_place), TEST_CASE(edit_append),
          TEST_CASE(edit_set_string_refused), TEST_CASE(edit_set_numbers),
          TEST_CASE(edit_set_duplicate), TEST_CASE(edit_set_invalid_key),
          TEST_CASE(edit_overflow_unchanged), TEST_CASE(edit_exact_fit), TEST_CASE(edit_remove),
          TEST_CASE(edit_remove_duplicates), TEST_CASE(edit_round_trip))
