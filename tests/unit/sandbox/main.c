/*
 * \brief  Unit test of the Linux sandbox: allowed and forbidden calls
 *
 * Not TEST_MAIN: parent_can_spawn starts this program again, with an
 * argument that makes it play the spawned child instead of the tests.
 */

#include <string.h>

#include "../../harness/harness.h"
#include "cases.h"

static const struct test_case cases[] = {
        TEST_CASE(sandbox_enter_component),
        TEST_CASE(sandbox_enter_without_namespaces),
        TEST_CASE(sandbox_enter_empty_root),
        TEST_CASE(allowed_ipc_with_caps),
        TEST_CASE(allowed_signal_eventfd),
        TEST_CASE(allowed_memory),
        TEST_CASE(allowed_time_and_pipe),
        TEST_CASE(allowed_threads),
        TEST_CASE(allowed_raise_own),
        TEST_CASE(forbidden_in_component),
        TEST_CASE(sandbox_exec_from_descriptor),
        TEST_CASE(sandbox_tighten_forbids_exec),
        TEST_CASE(host_policy_allows),
        TEST_CASE(host_policy_forbids),
        TEST_CASE(sandbox_filter_layout),
};

int
main(int argc, char **argv)
{
	return test_run(cases, sizeof(cases) / sizeof(cases[0]));
}
