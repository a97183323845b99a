/*
 * \brief  Unit test of init's config model: shared fixture and case list
 */

#ifndef _TESTS__UNIT__INIT_CONFIG__COMMON_H_
#define _TESTS__UNIT__INIT_CONFIG__COMMON_H_

#include "../../../os/init/config/init_config.h"
#include "../../harness/harness.h"
#include "../../harness/test_heap.h"

/* shared by all cases (which run one at a time) */
extern struct init_config cfg;
extern struct init_config_diag diag;

/* the heap parse() takes cfg's model from: as much as the host gives */
struct heap *config_heap(void);

status_t parse(const char *text);

/*
 * Check that text fails with status s and exactly the one-line error
 * message msg, and that nothing of the config was kept.
 */
#define CHECK_ERROR(text, s, msg) check_error((text), (s), (msg), __FILE__, __LINE__)
void check_error(const char *text, status_t s, const char *msg, const char *file, int line);

/* check that text parses and that warning number i reads msg */
#define CHECK_WARNING(i, msg) check_warning((i), (msg), __FILE__, __LINE__)
void check_warning(unsigned i, const char *msg, const char *file, int line);

/* the cases of each file, listed in main.c */
void host_access_model(void);
void host_access_errors(void);
void model_new_syntax(void);
void model_new_syntax_routes(void);
void model_old_syntax(void);
void model_same_for_both_syntaxes(void);
void model_nested_config(void);
void model_defaults(void);
void model_reparse_resets(void);

void errors_xml(void);
void errors_root_and_syntax(void);
void errors_names(void);
void errors_quantum(void);
void errors_priority(void);
void errors_prio_levels(void);
void errors_routes(void);
void errors_route_unknown(void);
void errors_route_conditions(void);
void errors_bounds(void);
void errors_heap(void);
void errors_duplicates(void);
void errors_one_line(void);

void warnings_unknown(void);
void warnings_not_inside_child_config(void);
void warnings_nested_config_slip(void);
void warnings_services(void);
void warnings_any_child_ambiguous(void);
void warnings_overflow(void);

void lists_beyond_old_bounds(void);
void lists_heap(void);

void routing_first_match(void);
void routing_explicit_service_no_fallback(void);
void routing_any_service_skips(void);
void routing_any_child_ambiguous(void);
void routing_default_and_missing(void);
void routing_old_syntax(void);
void routing_invalid_request(void);
void routing_label_conditions(void);
void routing_label_scope(void);
void routing_if_arg(void);

#endif /* _TESTS__UNIT__INIT_CONFIG__COMMON_H_ */
