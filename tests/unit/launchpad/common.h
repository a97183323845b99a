/*
 * \brief  Unit test of launchpad's model and layout: fixture and case lists
 */

#ifndef _TESTS__UNIT__LAUNCHPAD__COMMON_H_
#define _TESTS__UNIT__LAUNCHPAD__COMMON_H_

#include "../../../demo/launchpad/model/layout.h"
#include "../../../demo/launchpad/model/model.h"
#include "../../harness/harness.h"

enum { KIB = 1024, MIB = 1024 * 1024 };

/* three launchers as in the demo: testnit 768K, scout 10M, launchpad 6M */
void fixture(struct launchpad_model *m, struct launchpad_launcher l[3], uint64_t avail);

#define MODEL_CASES                                                               \
	TEST_CASE(quota_clamped_to_max), TEST_CASE(start_grants_what_is_left),    \
	        TEST_CASE(start_twice_refused), TEST_CASE(kill_gives_quota_back), \
	        TEST_CASE(nothing_left), TEST_CASE(running_in_launcher_order),    \
	        TEST_CASE(find_by_name)
#define LAYOUT_CASES                                                                              \
	TEST_CASE(hit_name_starts), TEST_CASE(hit_bar_sets_quota), TEST_CASE(hit_bar_ends),       \
	        TEST_CASE(hit_kill_of_second_child), TEST_CASE(hit_nothing), TEST_CASE(bar_fill), \
	        TEST_CASE(height_grows), TEST_CASE(rows_do_not_overlap)

void quota_clamped_to_max(void);
void start_grants_what_is_left(void);
void start_twice_refused(void);
void kill_gives_quota_back(void);
void nothing_left(void);
void running_in_launcher_order(void);
void find_by_name(void);
void hit_name_starts(void);
void hit_bar_sets_quota(void);
void hit_bar_ends(void);
void hit_kill_of_second_child(void);
void hit_nothing(void);
void bar_fill(void);
void height_grows(void);
void rows_do_not_overlap(void);

#endif /* _TESTS__UNIT__LAUNCHPAD__COMMON_H_ */
