/*
 * \brief  Unit test of signals: counting, contexts, capabilities, dispatch
 */

#include <base/signal_backing.h>

#include "../../harness/harness.h"
#include "cases.h"

/* outside the component world and its sandbox: this process makes its own eventfds */
__attribute__((constructor)) static void
signal_backing_choose(void)
{
	signal_backing_set(&signal_backing_direct);
}

TEST_MAIN(TEST_CASE(signal_coalesce), TEST_CASE(signal_several_contexts),
          TEST_CASE(signal_delivery_order), TEST_CASE(signal_large_counts),
          TEST_CASE(signal_saturates_at_limit), TEST_CASE(signal_dissolve_harmless),
          TEST_CASE(signal_invalid_caps), TEST_CASE(signal_reused_number),
          TEST_CASE(signal_never_blocks), TEST_CASE(signal_destroy_with_contexts),
          TEST_CASE(signal_other_process), TEST_CASE(signal_through_rpc),
          TEST_CASE(signal_threads_sum), TEST_CASE(signal_several_waiters),
          TEST_CASE(signal_dissolve_while_waiting), TEST_CASE(signal_handler_dispatch),
          TEST_CASE(signal_handler_beside_rpc), TEST_CASE(signal_page_garbage),
          TEST_CASE(signal_page_empty_ring), TEST_CASE(signal_page_adopt_checks))
