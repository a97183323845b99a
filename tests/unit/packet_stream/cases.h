/*
 * \brief  Test cases of test-packet_stream, one function per case
 */

#ifndef _TESTS__UNIT__PACKET_STREAM__CASES_H_
#define _TESTS__UNIT__PACKET_STREAM__CASES_H_

/* basic.c: one thread, both ends */
void ps_layout_args(void);
void ps_round_trip(void);
void ps_ownership(void);
void ps_header_mismatch(void);
void ps_index_wrap(void);

/* flow.c: flow control and exhaustion */
void ps_submit_queue_full(void);
void ps_ack_queue_full(void);
void ps_alloc_exhausted(void);
void ps_out_of_order_acks(void);

/* payload.c: the source's payload allocator */
void ps_payload_model(void);
void ps_payload_held(void);

/* signals.c: a signal per wish of a waiting peer, not per packet */
void ps_signal_transitions(void);
void ps_signal_batches(void);
void ps_signal_ack_batches(void);
void ps_hostile_wish(void);

/* hostile.c: a peer that writes nonsense into the region */
void ps_hostile_submit_head(void);
void ps_hostile_submit_tail(void);
void ps_hostile_ack_indices(void);
void ps_hostile_descriptors(void);
void ps_hostile_acks(void);

/* garbage.c: random bytes in the queue area */
void ps_hostile_garbage(void);
void ps_hostile_garbage_while_streaming(void);

/* concurrent.c: streaming between threads and processes */
void ps_two_threads(void);
void ps_two_processes(void);
void ps_two_processes_batched(void);

#endif /* _TESTS__UNIT__PACKET_STREAM__CASES_H_ */
