/*
 * \brief  test-packet_stream: the source's payload allocator
 *
 * The payload area is used as a ring (os/packet_stream/payload.c). These
 * cases check it against a model of the packets in use: every packet lies
 * in the area, aligned, overlapping no other; an allocation fails only if
 * no gap between packets in use could hold it; a packet held while the
 * others go round many times does not stop the ring; many small packets
 * grow the record array.
 */

#include "../../harness/harness.h"
#include "cases.h"
#include "fixture.h"

enum { REGION = 64 * 1024, QUEUE = 8, LIVE_MAX = 512, STEPS = 20000 };

struct model {
	struct packet_descriptor p[LIVE_MAX];
	unsigned n;
	uint64_t area;
};

static bool
overlaps(const struct model *m, uint64_t offset, uint64_t size)
{
	for (unsigned i = 0; i < m->n; i++)
		if (offset < m->p[i].offset + m->p[i].size && m->p[i].offset < offset + size)
			return true;
	return false;
}

/* whether some gap between packets in use (or the area's ends) holds bytes */
static bool
gap_of(const struct model *m, uint64_t bytes)
{
	uint64_t from = 0;

	for (;;) {
		uint64_t next = m->area; /* the lowest packet at or after from */
		uint64_t end = m->area;
		for (unsigned i = 0; i < m->n; i++)
			if (m->p[i].offset >= from && m->p[i].offset < next) {
				next = m->p[i].offset;
				end = next + m->p[i].size;
			}
		if (next - from >= bytes)
			return true;
		if (next == m->area)
			return false;
		from = end;
	}
}

static void
model_alloc(struct pair *t, struct model *m, uint64_t size, unsigned align_log2)
{
	struct packet_descriptor p;
	status_t s = packet_stream_source_alloc_packet(&t->src, size, align_log2, &p);

	if (s == STATUS_OUT_OF_MEMORY) {
		/* a gap this large holds an aligned start whatever its position */
		CHECK(!gap_of(m, size + ((uint64_t)1 << align_log2) - 1));
		return;
	}
	if (!CHECK_EQ(s, STATUS_OK))
		return;
	CHECK(p.offset + p.size <= m->area);
	CHECK_EQ(p.offset & (((uint64_t)1 << align_log2) - 1), 0);
	CHECK(!overlaps(m, p.offset, p.size));
	CHECK(packet_stream_source_packet_content(&t->src, &p) != NULL);
	m->p[m->n++] = p;
}

static void
model_release(struct pair *t, struct model *m, unsigned i)
{
	struct packet_descriptor p = m->p[i], wrong = p;

	wrong.size++;
	CHECK_EQ(packet_stream_source_release(&t->src, &wrong), STATUS_INVALID_ARGS);
	wrong = p;
	wrong.offset++;
	CHECK_EQ(packet_stream_source_release(&t->src, &wrong), STATUS_INVALID_ARGS);
	CHECK_EQ(packet_stream_source_release(&t->src, &p), STATUS_OK);
	CHECK_EQ(packet_stream_source_release(&t->src, &p), STATUS_INVALID_ARGS);
	m->p[i] = m->p[--m->n];
}

/* random sizes, alignments and release orders (mostly the oldest first) */
void
ps_payload_model(void)
{
	static struct model m;
	struct pair t;

	if (!pair_open(&t, REGION, QUEUE, false))
		return;
	m.n = 0;
	m.area = t.src.layout.payload_size;
	for (unsigned step = 0; step < STEPS; step++) {
		uint64_t size = 1 + test_random(test_random(4) ? 2000 : 100);
		if (m.n < LIVE_MAX && test_random(2))
			model_alloc(&t, &m, size, test_random(4) ? 0 : test_random(13));
		else if (m.n > 0)
			model_release(&t, &m, test_random(4) ? 0 : test_random(m.n));
	}
	while (m.n > 0)
		model_release(&t, &m, 0);
	CHECK_EQ(packet_stream_source_payload_avail(&t.src), m.area);
	model_alloc(&t, &m, m.area, 0); /* everything came back: one piece */
	CHECK_EQ(m.n, 1);
	pair_close(&t);
}

/* one packet held while others go round the ring many times */
void
ps_payload_held(void)
{
	static struct model m;
	struct pair t;

	if (!pair_open(&t, REGION, QUEUE, false))
		return;
	m.n = 0;
	m.area = t.src.layout.payload_size;
	model_alloc(&t, &m, 1000, 0);
	for (unsigned step = 0; step < STEPS; step++) {
		model_alloc(&t, &m, 1 + test_random(3000), 0);
		if (m.n > 8)
			model_release(&t, &m, 1); /* never the held one */
		if (!CHECK(m.n > 0))
			break;
	}
	CHECK_EQ(m.p[0].offset, 0);
	CHECK(t.src.payload.cap <= 64); /* the records did not pile up */
	while (m.n > 0)
		model_release(&t, &m, m.n - 1);
	pair_close(&t);
}
