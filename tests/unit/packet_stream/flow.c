/*
 * \brief  test-packet_stream: flow control and payload exhaustion
 */

#include "../../harness/harness.h"
#include "cases.h"
#include "fixture.h"

enum { REGION = 64 * 1024, QUEUE = 8 };

/* a full submit queue refuses, and one packet taken makes room */
void
ps_submit_queue_full(void)
{
	struct packet_descriptor p[QUEUE + 2], got;
	struct pair t;

	if (!pair_open(&t, REGION, QUEUE, false))
		return;
	for (unsigned i = 0; i < QUEUE; i++)
		CHECK(pair_submit(&t, 10, (uint8_t)i, &p[i]));
	CHECK(!packet_stream_source_ready_to_submit(&t.src));
	CHECK_EQ(packet_stream_source_alloc_packet(&t.src, 10, 0, &p[QUEUE]), STATUS_OK);
	CHECK_EQ(packet_stream_source_submit(&t.src, &p[QUEUE]), STATUS_WOULD_BLOCK);
	CHECK_EQ(packet_stream_source_submit_blocking(&t.src, &p[QUEUE]), STATUS_WOULD_BLOCK);
	/* refused: still ours */
	CHECK_EQ(packet_stream_source_in_flight(&t.src), QUEUE);
	CHECK(packet_stream_source_packet_content(&t.src, &p[QUEUE]) != NULL);
	CHECK_EQ(packet_stream_sink_get_packet(&t.sink, &got), STATUS_OK);
	CHECK_EQ(got.offset, p[0].offset);
	CHECK(packet_stream_source_ready_to_submit(&t.src));
	CHECK_EQ(packet_stream_source_submit(&t.src, &p[QUEUE]), STATUS_OK);
	CHECK_EQ(packet_stream_source_in_flight(&t.src), QUEUE + 1);
	for (unsigned i = 1; i <= QUEUE; i++) {
		CHECK_EQ(packet_stream_sink_get_packet(&t.sink, &got), STATUS_OK);
		CHECK_EQ(got.offset, p[i].offset);
	}
	CHECK_EQ(packet_stream_sink_get_packet(&t.sink, &got), STATUS_WOULD_BLOCK);
	CHECK_EQ(t.sink.held, QUEUE + 1);
	pair_close(&t);
}

/* a full ack queue refuses the sink until the source takes an ack */
void
ps_ack_queue_full(void)
{
	struct packet_descriptor p, got[2 * QUEUE];
	struct pair t;

	if (!pair_open(&t, REGION, QUEUE, false))
		return;
	/* the sink holds twice the queue size: more than the ack queue takes */
	for (unsigned i = 0; i < 2 * QUEUE; i++) {
		CHECK(pair_submit(&t, 100, (uint8_t)i, &p));
		CHECK_EQ(packet_stream_sink_get_packet(&t.sink, &got[i]), STATUS_OK);
	}
	for (unsigned i = 0; i < QUEUE; i++)
		CHECK_EQ(packet_stream_sink_acknowledge(&t.sink, &got[i]), STATUS_OK);
	CHECK(!packet_stream_sink_ready_to_ack(&t.sink));
	CHECK_EQ(packet_stream_sink_acknowledge(&t.sink, &got[QUEUE]), STATUS_WOULD_BLOCK);
	CHECK_EQ(packet_stream_sink_acknowledge_blocking(&t.sink, &got[QUEUE]), STATUS_WOULD_BLOCK);
	CHECK_EQ(t.sink.held, QUEUE);
	CHECK_EQ(packet_stream_source_get_acked(&t.src, &p), STATUS_OK);
	CHECK_EQ(p.offset, got[0].offset);
	CHECK(packet_stream_sink_ready_to_ack(&t.sink));
	for (unsigned i = QUEUE; i < 2 * QUEUE; i++) {
		while (!packet_stream_sink_ready_to_ack(&t.sink)) {
			CHECK_EQ(packet_stream_source_get_acked(&t.src, &p), STATUS_OK);
			CHECK_EQ(packet_stream_source_release(&t.src, &p), STATUS_OK);
		}
		CHECK_EQ(packet_stream_sink_acknowledge(&t.sink, &got[i]), STATUS_OK);
	}
	while (packet_stream_source_get_acked(&t.src, &p) == STATUS_OK)
		CHECK_EQ(packet_stream_source_release(&t.src, &p), STATUS_OK);
	CHECK_EQ(packet_stream_source_in_flight(&t.src), 0);
	CHECK_STR(packet_stream_source_error(&t.src), "");
	pair_close(&t);
}

/* the payload area runs out; acks give it back */
void
ps_alloc_exhausted(void)
{
	struct packet_descriptor p[64], big, got;
	unsigned n = 0;
	struct pair t;

	if (!pair_open(&t, 3 * 4096, QUEUE, false))
		return;
	CHECK_EQ(t.src.layout.payload_size, 2 * 4096);
	CHECK_EQ(packet_stream_source_alloc_packet(&t.src, 2 * 4096 + 1, 0, &big),
	         STATUS_OUT_OF_MEMORY);
	CHECK_EQ(packet_stream_source_alloc_packet(&t.src, 1, 64, &big), STATUS_INVALID_ARGS);
	while (n < 64 && packet_stream_source_alloc_packet(&t.src, 1000, 0, &p[n]) == STATUS_OK)
		n++;
	CHECK_EQ(n, 8);
	CHECK_EQ(packet_stream_source_alloc_packet(&t.src, 1, 0, &big), STATUS_OK);
	CHECK_EQ(packet_stream_source_alloc_packet(&t.src, 200, 0, &big), STATUS_OUT_OF_MEMORY);
	for (unsigned i = 0; i < n; i++)
		CHECK_EQ(packet_stream_source_submit(&t.src, &p[i]), STATUS_OK);
	CHECK_EQ(packet_stream_sink_get_packet(&t.sink, &got), STATUS_OK);
	CHECK_EQ(packet_stream_sink_acknowledge(&t.sink, &got), STATUS_OK);
	CHECK_EQ(packet_stream_source_alloc_packet(&t.src, 200, 0, &big), STATUS_OUT_OF_MEMORY);
	CHECK_EQ(packet_stream_source_get_acked(&t.src, &got), STATUS_OK);
	CHECK_EQ(packet_stream_source_release(&t.src, &got), STATUS_OK);
	CHECK_EQ(packet_stream_source_alloc_packet(&t.src, 1000, 0, &big), STATUS_OK);
	CHECK_EQ(big.offset, p[0].offset);
	pair_close(&t);
}

/* a sink may complete packets in any order (a block device does) */
void
ps_out_of_order_acks(void)
{
	struct packet_descriptor p, got[QUEUE];
	struct pair t;

	if (!pair_open(&t, REGION, QUEUE, false))
		return;
	for (unsigned i = 0; i < QUEUE; i++) {
		CHECK(pair_submit(&t, 100 + i, (uint8_t)i, &p));
		CHECK_EQ(packet_stream_sink_get_packet(&t.sink, &got[i]), STATUS_OK);
	}
	for (unsigned i = 0; i < QUEUE; i++)
		CHECK_EQ(packet_stream_sink_acknowledge(&t.sink, &got[(i * 5) % QUEUE]), STATUS_OK);
	for (unsigned i = 0; i < QUEUE; i++) {
		CHECK_EQ(packet_stream_source_get_acked(&t.src, &p), STATUS_OK);
		CHECK_EQ(p.size, 100 + (i * 5) % QUEUE);
		CHECK_EQ(packet_stream_source_release(&t.src, &p), STATUS_OK);
	}
	CHECK_EQ(packet_stream_source_payload_avail(&t.src), t.src.layout.payload_size);
	pair_close(&t);
}
