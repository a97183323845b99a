/*
 * \brief  test-packet_stream: layout and round trips in one thread
 */

#include <stdlib.h>
#include <string.h>

#include "../../harness/harness.h"
#include "cases.h"
#include "fixture.h"

enum { REGION = 64 * 1024, QUEUE = 8 };

void
ps_layout_args(void)
{
	struct packet_stream_layout l;
	static const uint32_t bad[] = {0, 3, 6, 100, PACKET_STREAM_QUEUE_MAX * 2, UINT32_MAX};

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_EQ(packet_stream_layout(REGION, bad[i], &l), STATUS_INVALID_ARGS);
	CHECK_EQ(packet_stream_layout(REGION, 1, &l), STATUS_OK);
	CHECK_EQ(packet_stream_layout(REGION, PACKET_STREAM_QUEUE_MAX, &l), STATUS_INVALID_ARGS);
	CHECK_EQ(packet_stream_layout(16 << 20, PACKET_STREAM_QUEUE_MAX, &l), STATUS_OK);
	CHECK_EQ(packet_stream_layout(REGION, 64, &l), STATUS_OK);
	CHECK_EQ(l.submit_offset, sizeof(struct packet_stream_header));
	CHECK_EQ(l.ack_offset, l.submit_offset + 128 + 64 * 48);
	CHECK_EQ(l.payload_offset % PACKET_STREAM_PAYLOAD_ALIGN, 0);
	CHECK(l.payload_offset >= l.ack_offset + 128 + 64 * 48);
	CHECK_EQ(l.payload_size, REGION - l.payload_offset);
	/* no payload byte left */
	CHECK_EQ(packet_stream_layout(l.payload_offset, 64, &l), STATUS_INVALID_ARGS);

	/* a misaligned region */
	struct packet_stream_sink_signals ks = {.receiver = NULL};
	struct packet_stream_sink sink;
	uint8_t *mem = aligned_alloc(4096, REGION);
	CHECK_EQ(packet_stream_sink_init(&sink, mem + 8, REGION - 8, 64, &ks), STATUS_INVALID_ARGS);
	free(mem);
}

/* source -> sink -> source with data and op words both ways */
void
ps_round_trip(void)
{
	struct packet_descriptor p, got, acked;
	struct pair t;

	if (!pair_open(&t, REGION, QUEUE, false))
		return;
	CHECK(!packet_stream_sink_packet_avail(&t.sink));
	CHECK_EQ(packet_stream_sink_get_packet(&t.sink, &got), STATUS_WOULD_BLOCK);
	CHECK_EQ(packet_stream_source_get_acked(&t.src, &acked), STATUS_WOULD_BLOCK);
	CHECK_EQ(packet_stream_source_alloc_packet(&t.src, 1000, 6, &p), STATUS_OK);
	CHECK_EQ(p.offset % 64, 0);
	p.op[0] = 0x1122334455667788ull;
	p.op[3] = 42;
	memcpy(packet_stream_source_packet_content(&t.src, &p), "hello, sink", 12);
	CHECK_EQ(packet_stream_source_submit(&t.src, &p), STATUS_OK);
	CHECK_EQ(packet_stream_source_in_flight(&t.src), 1);
	CHECK(packet_stream_sink_packet_avail(&t.sink));
	CHECK_EQ(packet_stream_sink_get_packet(&t.sink, &got), STATUS_OK);
	CHECK(memcmp(&got, &p, sizeof(p)) == 0);
	char *c = packet_stream_sink_packet_content(&t.sink, &got);
	CHECK(c == (char *)pair_payload(&t) + p.offset);
	CHECK_STR(c, "hello, sink");
	memcpy(c, "hi, source", 11);
	got.op[1] = 7;
	CHECK_EQ(packet_stream_sink_acknowledge(&t.sink, &got), STATUS_OK);
	CHECK(!packet_stream_sink_packet_avail(&t.sink));
	CHECK(packet_stream_source_ack_avail(&t.src));
	CHECK_EQ(packet_stream_source_get_acked(&t.src, &acked), STATUS_OK);
	CHECK(memcmp(&acked, &got, sizeof(got)) == 0);
	CHECK_EQ(packet_stream_source_in_flight(&t.src), 0);
	CHECK_STR(packet_stream_source_packet_content(&t.src, &acked), "hi, source");
	CHECK_EQ(packet_stream_source_release(&t.src, &acked), STATUS_OK);
	CHECK_EQ(packet_stream_source_payload_avail(&t.src), t.src.layout.payload_size);
	CHECK_STR(packet_stream_source_error(&t.src), "");
	CHECK_STR(packet_stream_sink_error(&t.sink), "");
	pair_close(&t);
}

/* who may touch a packet when: the source's checks of its own calls */
void
ps_ownership(void)
{
	struct packet_descriptor p, q, got, fake = {.offset = 0, .size = 16};
	struct pair t;

	if (!pair_open(&t, REGION, QUEUE, false))
		return;
	CHECK_EQ(packet_stream_source_alloc_packet(&t.src, 0, 0, &p), STATUS_INVALID_ARGS);
	CHECK_EQ(packet_stream_source_submit(&t.src, &fake), STATUS_INVALID_ARGS);
	CHECK(packet_stream_source_packet_content(&t.src, &fake) == NULL);
	CHECK_EQ(packet_stream_source_alloc_packet(&t.src, 100, 0, &p), STATUS_OK);
	q = p;
	q.size = 99;
	CHECK_EQ(packet_stream_source_submit(&t.src, &q), STATUS_INVALID_ARGS);
	CHECK(packet_stream_source_packet_content(&t.src, &q) == NULL);
	CHECK_EQ(packet_stream_source_submit(&t.src, &p), STATUS_OK);
	/* in flight: the sink's */
	CHECK_EQ(packet_stream_source_submit(&t.src, &p), STATUS_INVALID_ARGS);
	CHECK_EQ(packet_stream_source_release(&t.src, &p), STATUS_INVALID_ARGS);
	CHECK(packet_stream_source_packet_content(&t.src, &p) == NULL);
	/* the sink acknowledges only what it holds, inside the payload */
	CHECK_EQ(packet_stream_sink_acknowledge(&t.sink, &p), STATUS_INVALID_ARGS);
	CHECK_EQ(packet_stream_sink_get_packet(&t.sink, &got), STATUS_OK);
	got.size = t.sink.layout.payload_size + 1;
	CHECK(packet_stream_sink_packet_content(&t.sink, &got) == NULL);
	CHECK_EQ(packet_stream_sink_acknowledge(&t.sink, &got), STATUS_INVALID_ARGS);
	CHECK_EQ(packet_stream_sink_acknowledge(&t.sink, &p), STATUS_OK);
	CHECK_EQ(packet_stream_source_get_acked(&t.src, &got), STATUS_OK);
	CHECK_EQ(packet_stream_source_release(&t.src, &got), STATUS_OK);
	CHECK_EQ(packet_stream_source_release(&t.src, &got), STATUS_INVALID_ARGS);
	/* allocated, never submitted: may be released */
	CHECK_EQ(packet_stream_source_alloc_packet(&t.src, 100, 0, &p), STATUS_OK);
	CHECK_EQ(packet_stream_source_release(&t.src, &p), STATUS_OK);
	/* no receiver: the blocking calls do not wait */
	CHECK_EQ(packet_stream_sink_get_packet_blocking(&t.sink, &got), STATUS_WOULD_BLOCK);
	CHECK_EQ(packet_stream_source_get_acked_blocking(&t.src, &got), STATUS_WOULD_BLOCK);
	pair_close(&t);
}

/* the sink checks the source's header once, against its own arguments */
void
ps_header_mismatch(void)
{
	struct packet_stream_sink_signals ks = {.receiver = NULL};
	struct packet_stream_sink sink;
	struct pair t;

	if (!pair_open(&t, REGION, QUEUE, false))
		return;
	CHECK(error_names(packet_stream_sink_init(&sink, t.region, REGION, QUEUE * 2, &ks),
	                  packet_stream_sink_error(&sink), "queue size"));
	CHECK(error_names(packet_stream_sink_init(&sink, t.region, REGION - 4096, QUEUE, &ks),
	                  packet_stream_sink_error(&sink), "payload"));
	struct packet_stream_header *h = t.region;
	h->magic = 0xdeadbeef;
	CHECK(error_names(packet_stream_sink_init(&sink, t.region, REGION, QUEUE, &ks),
	                  packet_stream_sink_error(&sink), "magic"));
	struct packet_descriptor p;
	CHECK_EQ(packet_stream_sink_get_packet(&sink, &p), STATUS_PROTOCOL);
	pair_close(&t);
}

/* positions that wrap around 2^32 keep working (the queue size divides 2^32) */
void
ps_index_wrap(void)
{
	struct packet_descriptor p, got;
	const uint32_t start = UINT32_MAX - 20;
	struct pair t;

	if (!pair_open(&t, REGION, QUEUE, false))
		return;
	struct packet_stream_ring *rings[] = {&t.src.submit, &t.src.ack, &t.sink.submit,
	                                      &t.sink.ack};
	for (unsigned i = 0; i < 4; i++) {
		rings[i]->own = rings[i]->peer = start;
		rings[i]->queue->head.value = rings[i]->queue->tail.value = start;
	}
	for (unsigned i = 0; i < 100; i++) {
		unsigned burst = 1 + i % QUEUE;
		for (unsigned k = 0; k < burst; k++)
			CHECK(pair_submit(&t, 1 + k, (uint8_t)k, &p));
		for (unsigned k = 0; k < burst; k++) {
			CHECK_EQ(packet_stream_sink_get_packet(&t.sink, &got), STATUS_OK);
			CHECK_EQ(got.size, 1 + k);
			CHECK_EQ(packet_stream_sink_acknowledge(&t.sink, &got), STATUS_OK);
		}
		for (unsigned k = 0; k < burst; k++) {
			CHECK_EQ(packet_stream_source_get_acked(&t.src, &got), STATUS_OK);
			CHECK_EQ(packet_stream_source_release(&t.src, &got), STATUS_OK);
		}
	}
	CHECK(t.src.submit.own < start);
	CHECK_STR(packet_stream_sink_error(&t.sink), "");
	pair_close(&t);
}
