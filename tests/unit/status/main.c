/*
 * \brief  Unit test: every status value has a distinct, non-empty name
 */

#include <string.h>

#include <base/status.h>

#include "../../harness/harness.h"

static void
names_distinct(void)
{
	for (int a = 0; a < STATUS_COUNT; a++) {
		CHECK(strlen(status_name((status_t)a)) > 0);
		for (int b = a + 1; b < STATUS_COUNT; b++)
			CHECK(strcmp(status_name((status_t)a), status_name((status_t)b)) != 0);
	}
}

static void
out_of_range(void)
{
	CHECK_STR(status_name(STATUS_COUNT), "unknown status");
	CHECK_STR(status_name((status_t)-1), "unknown status");
}

TEST_MAIN(TEST_CASE(names_distinct), TEST_CASE(out_of_range))
