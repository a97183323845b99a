/*
 * \brief  test-packet_stream: random bytes in the queue area
 *
 * Plain random words break a queue at the first look (a head 2^31 ahead),
 * so most words are drawn near legal values instead (small positions,
 * offsets and sizes around the payload's bounds), and some rounds change
 * only a few words. Whatever
 * comes, every call returns a defined status, a broken side stays broken
 * with a message, and every packet handed out lies inside the payload
 * (each one is written in full: ASan would see a byte outside the region).
 */

#include <string.h>

#include "../../harness/harness.h"
#include "cases.h"
#include "fixture.h"

enum { REGION = 32 * 1024, QUEUE = 8, ROUNDS = 3000, OPS = 40 };

static uint64_t
random64(void)
{
	return (uint64_t)test_random(UINT32_MAX) << 32 | test_random(UINT32_MAX);
}

/* a value for a word of the queue area: wild, or close to something legal */
static uint64_t
nasty(uint64_t payload)
{
	static const uint64_t edges[] = {0,          1,           QUEUE - 1,  QUEUE,    QUEUE + 1,
	                                 UINT32_MAX, 0x80000000u, UINT64_MAX, INT64_MAX};

	switch (test_random(5)) {
	case 0:
		return random64();
	case 1:
		return edges[test_random(sizeof(edges) / sizeof(edges[0]))];
	case 2:
		return payload - test_random(64);
	case 3:
		return payload + test_random(64);
	default:
		return test_random(2 * QUEUE + 2);
	}
}

/*
 * Fill the region before the payload: mode 0 with random bytes, mode 1
 * with nasty words, mode 2 changes one word in 32 (so that some rounds
 * get past the first look and reach the descriptor checks).
 */
static void
scribble(struct pair *t, unsigned mode)
{
	uint64_t payload = t->src.layout.payload_size;
	size_t bytes = t->src.layout.payload_offset;
	uint8_t *b = t->region;
	uint32_t *w32 = t->region;

	if (mode == 0) {
		for (size_t i = 0; i < bytes; i++)
			b[i] = (uint8_t)test_random(256);
		return;
	}
	for (size_t i = 0; i < bytes / 4; i++)
		if (mode == 1 || test_random(32) == 0)
			w32[i] = (uint32_t)nasty(payload);
}

/* one call of either side; checks what a call may return */
static void
random_op(struct pair *t, struct packet_descriptor *held, unsigned *nheld)
{
	struct packet_descriptor p;
	status_t s = STATUS_OK;

	switch (test_random(4)) {
	case 0:
		s = packet_stream_source_alloc_packet(&t->src, 1 + test_random(3000), 0, &p);
		if (s == STATUS_OK) {
			memset(packet_stream_source_packet_content(&t->src, &p), 0x5a, p.size);
			s = packet_stream_source_submit(&t->src, &p);
			if (s != STATUS_OK)
				CHECK_EQ(packet_stream_source_release(&t->src, &p),
				         s == STATUS_PROTOCOL ? STATUS_INVALID_ARGS : STATUS_OK);
		}
		CHECK(s == STATUS_OK || s == STATUS_WOULD_BLOCK || s == STATUS_PROTOCOL ||
		      s == STATUS_OUT_OF_MEMORY);
		break;
	case 1:
		s = packet_stream_sink_get_packet(&t->sink, &p);
		if (s == STATUS_OK) {
			uint8_t *c = packet_stream_sink_packet_content(&t->sink, &p);
			CHECK(pair_in_payload(t, c, p.size));
			memset(c, 0xa5, p.size);
			if (*nheld < QUEUE * 4)
				held[(*nheld)++] = p;
		}
		CHECK(s == STATUS_OK || s == STATUS_WOULD_BLOCK || s == STATUS_PROTOCOL);
		break;
	case 2:
		if (*nheld == 0)
			break;
		s = packet_stream_sink_acknowledge(&t->sink, &held[*nheld - 1]);
		if (s == STATUS_OK)
			(*nheld)--;
		CHECK(s == STATUS_OK || s == STATUS_WOULD_BLOCK || s == STATUS_PROTOCOL);
		break;
	default:
		s = packet_stream_source_get_acked(&t->src, &p);
		if (s == STATUS_OK) {
			uint8_t *c = packet_stream_source_packet_content(&t->src, &p);
			CHECK(pair_in_payload(t, c, p.size));
			memset(c, 0x11, p.size);
			CHECK_EQ(packet_stream_source_release(&t->src, &p), STATUS_OK);
		}
		CHECK(s == STATUS_OK || s == STATUS_WOULD_BLOCK || s == STATUS_PROTOCOL);
	}
	if (s == STATUS_PROTOCOL)
		CHECK(t->src.broken ? t->src.error[0] != '\0' : t->sink.error[0] != '\0');
}

void
ps_hostile_garbage(void)
{
	struct packet_descriptor held[QUEUE * 4];
	unsigned broken = 0;

	test_random_seed(0x9e3779b97f4a7c15ull);
	for (unsigned round = 0; round < ROUNDS; round++) {
		unsigned nheld = 0;
		struct pair t;
		if (!pair_open(&t, REGION, QUEUE, false))
			return;
		unsigned before = test_random(OPS);
		for (unsigned i = 0; i < before; i++)
			random_op(&t, held, &nheld);
		scribble(&t, round % 3);
		for (unsigned i = 0; i < OPS; i++)
			random_op(&t, held, &nheld);
		broken += t.src.broken || t.sink.broken;
		pair_close(&t);
	}
	/* most rounds must have hit something, or the garbage was too tame */
	CHECK(broken > ROUNDS / 2);
	CHECK(broken < ROUNDS);
}

/* a single word changes now and then while both sides stream */
void
ps_hostile_garbage_while_streaming(void)
{
	struct packet_descriptor held[QUEUE * 4];
	unsigned broken = 0;

	test_random_seed(12345);
	for (unsigned round = 0; round < ROUNDS / 10; round++) {
		unsigned nheld = 0;
		struct pair t;
		if (!pair_open(&t, REGION, QUEUE, false))
			return;
		uint64_t *w64 = t.region;
		for (unsigned i = 0; i < OPS * 20; i++) {
			random_op(&t, held, &nheld);
			if (test_random(40) == 0)
				w64[test_random((uint32_t)(t.src.layout.payload_offset / 8))] =
				        nasty(t.src.layout.payload_size);
		}
		broken += t.src.broken || t.sink.broken;
		pair_close(&t);
	}
	CHECK(broken > 0);
}
