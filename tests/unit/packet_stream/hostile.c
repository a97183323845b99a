/*
 * \brief  test-packet_stream: a peer that writes nonsense into the region
 *
 * Each case plays the hostile side by writing the shared queue words
 * directly and checks that the victim reports STATUS_PROTOCOL with a
 * message naming the problem, stays broken, and touches nothing outside
 * the region (the region is heap memory: ASan would see any overrun).
 */

#include <string.h>

#include "../../harness/harness.h"
#include "cases.h"
#include "fixture.h"

enum { REGION = 64 * 1024, QUEUE = 8 };

/* every later call of the broken sink fails the same way */
static void
check_sink_broken(struct pair *t)
{
	struct packet_descriptor p = {.offset = 0, .size = 1};

	CHECK(packet_stream_sink_packet_avail(&t->sink));
	CHECK(packet_stream_sink_ready_to_ack(&t->sink));
	CHECK_EQ(packet_stream_sink_get_packet(&t->sink, &p), STATUS_PROTOCOL);
	CHECK_EQ(packet_stream_sink_get_packet_blocking(&t->sink, &p), STATUS_PROTOCOL);
	CHECK_EQ(packet_stream_sink_acknowledge(&t->sink, &p), STATUS_PROTOCOL);
}

static void
check_source_broken(struct pair *t)
{
	struct packet_descriptor p;

	CHECK(packet_stream_source_ack_avail(&t->src));
	CHECK(packet_stream_source_ready_to_submit(&t->src));
	CHECK_EQ(packet_stream_source_get_acked(&t->src, &p), STATUS_PROTOCOL);
	CHECK_EQ(packet_stream_source_alloc_packet(&t->src, 1, 0, &p), STATUS_PROTOCOL);
}

/* the sink's view of a submit head set by the source */
static void
submit_head_case(uint32_t tail, uint32_t head, const char *word)
{
	struct packet_descriptor p;
	struct pair t;

	if (!pair_open(&t, REGION, QUEUE, false))
		return;
	/* a legitimate history first, so that "moved back" is possible */
	for (uint32_t i = 0; i < tail; i++) {
		CHECK(pair_submit(&t, 1, 0, &p));
		CHECK_EQ(packet_stream_sink_get_packet(&t.sink, &p), STATUS_OK);
	}
	t.src.submit.queue->head.value = head;
	CHECK(error_names(packet_stream_sink_get_packet(&t.sink, &p),
	                  packet_stream_sink_error(&t.sink), word));
	check_sink_broken(&t);
	pair_close(&t);
}

void
ps_hostile_submit_head(void)
{
	submit_head_case(0, QUEUE + 1, "past tail");  /* count above capacity */
	submit_head_case(0, UINT32_MAX, "past tail"); /* negative-looking */
	submit_head_case(0, 0x80000000u, "past tail");
	submit_head_case(3, 0x7fffffffu, "past tail"); /* huge */
	submit_head_case(3, 2, "past tail");           /* behind our tail */
	/* in range, but behind what the source had published */
	struct packet_descriptor p;
	struct pair t;
	if (!pair_open(&t, REGION, QUEUE, false))
		return;
	for (unsigned i = 0; i < 4; i++)
		CHECK(pair_submit(&t, 1, 0, &p));
	CHECK(packet_stream_sink_packet_avail(&t.sink));
	t.src.submit.queue->head.value = 2;
	/* the packet comes from the last look; the look after taking it fails */
	CHECK(error_names(packet_stream_sink_get_packet(&t.sink, &p),
	                  packet_stream_sink_error(&t.sink), "moved back"));
	pair_close(&t);
}

/* the source's view of a submit tail set by the sink */
void
ps_hostile_submit_tail(void)
{
	static const uint32_t tails[] = {5, UINT32_MAX, 0x80000000u, QUEUE + 3};

	for (unsigned i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
		struct packet_descriptor p;
		struct pair t;
		if (!pair_open(&t, REGION, QUEUE, false))
			return;
		CHECK(pair_submit(&t, 1, 0, &p));
		CHECK(pair_submit(&t, 1, 0, &p));
		t.src.submit.queue->tail.value = tails[i]; /* past our head 2 */
		CHECK_EQ(packet_stream_source_alloc_packet(&t.src, 1, 0, &p), STATUS_OK);
		CHECK(error_names(packet_stream_source_submit(&t.src, &p),
		                  packet_stream_source_error(&t.src), "tail"));
		check_source_broken(&t);
		pair_close(&t);
	}
}

/* the ack queue, both directions */
void
ps_hostile_ack_indices(void)
{
	struct packet_descriptor p, got;
	struct pair t;

	if (!pair_open(&t, REGION, QUEUE, false))
		return;
	t.src.ack.queue->head.value = QUEUE * 3;
	CHECK(error_names(packet_stream_source_get_acked(&t.src, &p),
	                  packet_stream_source_error(&t.src), "ack queue: head"));
	check_source_broken(&t);
	pair_close(&t);

	if (!pair_open(&t, REGION, QUEUE, false))
		return;
	CHECK(pair_submit(&t, 1, 0, &p));
	CHECK_EQ(packet_stream_sink_get_packet(&t.sink, &got), STATUS_OK);
	t.src.ack.queue->tail.value = 0xfffffff0u;
	CHECK(error_names(packet_stream_sink_acknowledge(&t.sink, &got),
	                  packet_stream_sink_error(&t.sink), "ack queue: tail"));
	check_sink_broken(&t);
	pair_close(&t);
}

/* a descriptor slot rewritten between submit and get */
static void
descriptor_case(uint64_t offset, uint64_t size)
{
	struct packet_descriptor p;
	struct pair t;

	if (!pair_open(&t, REGION, QUEUE, false))
		return;
	CHECK(pair_submit(&t, 16, 0, &p));
	t.src.submit.slots[0].word[0] = offset;
	t.src.submit.slots[0].word[1] = size;
	CHECK(error_names(packet_stream_sink_get_packet(&t.sink, &p),
	                  packet_stream_sink_error(&t.sink), "outside payload"));
	check_sink_broken(&t);
	pair_close(&t);
}

void
ps_hostile_descriptors(void)
{
	uint64_t payload = REGION - 4096;

	descriptor_case(payload, 1);
	descriptor_case(0, payload + 1);
	descriptor_case(payload - 10, 11);
	descriptor_case(UINT64_MAX - 10, 100); /* offset + size wraps to 89 */
	descriptor_case(100, UINT64_MAX);
	descriptor_case(UINT64_MAX, UINT64_MAX);
	descriptor_case(0, 0);
	/* the last byte is fine */
	struct packet_descriptor p;
	struct pair t;
	if (!pair_open(&t, REGION, QUEUE, false))
		return;
	CHECK(pair_submit(&t, 16, 0, &p));
	t.src.submit.slots[0].word[0] = payload - 1;
	t.src.submit.slots[0].word[1] = 1;
	CHECK_EQ(packet_stream_sink_get_packet(&t.sink, &p), STATUS_OK);
	uint8_t *c = packet_stream_sink_packet_content(&t.sink, &p);
	CHECK(pair_in_payload(&t, c, 1));
	*c = 1;
	pair_close(&t);
}

/* one ack case: the sink acknowledges what rewrite makes of the packet */
static void
ack_case(void (*rewrite)(struct packet_descriptor *), const char *word)
{
	struct packet_descriptor p, got;
	struct pair t;

	if (!pair_open(&t, REGION, QUEUE, false))
		return;
	CHECK(pair_submit(&t, 100, 0, &p));
	CHECK(pair_submit(&t, 100, 0, &p));
	CHECK_EQ(packet_stream_sink_get_packet(&t.sink, &got), STATUS_OK);
	rewrite(&got);
	CHECK_EQ(packet_stream_sink_acknowledge(&t.sink, &got), STATUS_OK);
	CHECK(error_names(packet_stream_source_get_acked(&t.src, &p),
	                  packet_stream_source_error(&t.src), word));
	check_source_broken(&t);
	pair_close(&t);
}

static void
ack_other_size(struct packet_descriptor *p)
{
	p->size = 50;
}

static void
ack_inside(struct packet_descriptor *p)
{
	p->offset += 1;
	p->size -= 1;
}

static void
ack_never_submitted(struct packet_descriptor *p)
{
	p->offset = 4096;
}

void
ps_hostile_acks(void)
{
	ack_case(ack_other_size, "not in flight");
	ack_case(ack_inside, "not in flight");
	ack_case(ack_never_submitted, "not in flight");

	/* the same packet acknowledged twice, and one the source is filling */
	struct packet_descriptor p, filling, got;
	struct pair t;
	if (!pair_open(&t, REGION, QUEUE, false))
		return;
	CHECK(pair_submit(&t, 100, 0, &p));
	CHECK(pair_submit(&t, 100, 0, &p));
	CHECK_EQ(packet_stream_source_alloc_packet(&t.src, 100, 0, &filling), STATUS_OK);
	CHECK_EQ(packet_stream_sink_get_packet(&t.sink, &got), STATUS_OK);
	CHECK_EQ(packet_stream_sink_acknowledge(&t.sink, &got), STATUS_OK);
	CHECK_EQ(packet_stream_sink_get_packet(&t.sink, &p), STATUS_OK);
	CHECK_EQ(packet_stream_sink_acknowledge(&t.sink, &got), STATUS_OK);
	CHECK_EQ(packet_stream_source_get_acked(&t.src, &p), STATUS_OK);
	CHECK(error_names(packet_stream_source_get_acked(&t.src, &p),
	                  packet_stream_source_error(&t.src), "not in flight"));
	/* nothing was freed behind our back */
	CHECK(packet_stream_source_packet_content(&t.src, &filling) != NULL);
	pair_close(&t);
}
