/*
 * \brief  Unit test of the packet stream: queues, flow control, hostile peers
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

TEST_MAIN(TEST_CASE(ps_layout_args), TEST_CASE(ps_round_trip), TEST_CASE(ps_ownership),
          TEST_CASE(ps_header_mismatch), TEST_CASE(ps_index_wrap), TEST_CASE(ps_submit_queue_full),
          TEST_CASE(ps_ack_queue_full), TEST_CASE(ps_alloc_exhausted),
          TEST_CASE(ps_out_of_order_acks), TEST_CASE(ps_payload_model), TEST_CASE(ps_payload_held),
          TEST_CASE(ps_signal_transitions), TEST_CASE(ps_signal_batches),
          TEST_CASE(ps_signal_ack_batches), TEST_CASE(ps_hostile_wish),
          TEST_CASE(ps_hostile_submit_head), TEST_CASE(ps_hostile_submit_tail),
          TEST_CASE(ps_hostile_ack_indices), TEST_CASE(ps_hostile_descriptors),
          TEST_CASE(ps_hostile_acks), TEST_CASE(ps_hostile_garbage),
          TEST_CASE(ps_hostile_garbage_while_streaming), TEST_CASE(ps_two_threads),
          TEST_CASE(ps_two_processes), TEST_CASE(ps_two_processes_batched))
