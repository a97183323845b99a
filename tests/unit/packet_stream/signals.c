/*
 * \brief  test-packet_stream: a signal only when a waiting peer asked for it
 *
 * Counts the signals each side receives while the other streams in
 * bursts. A side asks to be woken when it finds nothing to do (as a
 * signal handler's loop does before it returns): packet_avail for the
 * next packet after the sink found the submit queue empty, ack_avail
 * likewise, ready_to_submit / ready_to_ack for a free slot after the
 * producer found its queue full, each once. A stream that signalled per
 * packet (the wake-up per packet issue #16 forbids) fails the exact
 * counts; so does one that forgot a wish (a lost wake-up).
 */

#include "../../harness/harness.h"
#include "cases.h"
#include "fixture.h"
#include "stream.h"

enum { REGION = 64 * 1024, QUEUE = 8, BURSTS = 125 };

/* the signals pending at s, per context (0, 1), taken */
static void
signals_take(struct stream_signals *s, unsigned count[2])
{
	struct signal sig;

	count[0] = count[1] = 0;
	while (signal_receiver_wait_timeout(s->r, 0, &sig) == STATUS_OK)
		count[sig.context == s->ctx[1]] += sig.num;
}

/* n packets of the source, all taken and acknowledged by the sink, all reaped */
static void
burst(struct pair *t, unsigned n)
{
	struct packet_descriptor p;

	for (unsigned i = 0; i < n; i++)
		CHECK(pair_submit(t, 64, (uint8_t)i, &p));
	if (n == QUEUE) /* a source that would wait for a slot */
		CHECK(!packet_stream_source_ready_to_submit(&t->src));
	for (unsigned i = 0; i < n; i++) {
		CHECK_EQ(packet_stream_sink_get_packet(&t->sink, &p), STATUS_OK);
		CHECK_EQ(packet_stream_sink_acknowledge(&t->sink, &p), STATUS_OK);
	}
	if (n == QUEUE) /* a sink that would wait for a slot */
		CHECK(!packet_stream_sink_ready_to_ack(&t->sink));
	CHECK(!packet_stream_sink_packet_avail(&t->sink)); /* going idle */
	for (unsigned i = 0; i < n; i++) {
		CHECK_EQ(packet_stream_source_get_acked(&t->src, &p), STATUS_OK);
		CHECK_EQ(packet_stream_source_release(&t->src, &p), STATUS_OK);
	}
	CHECK(!packet_stream_source_ack_avail(&t->src));
}

/* the pair's four signals, counted at ss (the source's) and ks (the sink's) */
static bool
signals_open(struct pair *t, struct stream_signals *ss, struct stream_signals *ks)
{
	if (!pair_open(t, REGION, QUEUE, false) || !CHECK(stream_signals_create(ss)) ||
	    !CHECK(stream_signals_create(ks)))
		return false;
	/* sink: packet_avail, ready_to_ack; source: ack_avail, ready_to_submit */
	t->src.sig.packet_avail = stream_signals_cap(ks, 0);
	t->src.sig.ready_to_ack = stream_signals_cap(ks, 1);
	t->sink.sig.ack_avail = stream_signals_cap(ss, 0);
	t->sink.sig.ready_to_submit = stream_signals_cap(ss, 1);
	return true;
}

static void
signals_close(struct pair *t, struct stream_signals *ss, struct stream_signals *ks)
{
	pair_close(t);
	stream_signals_destroy(ss);
	stream_signals_destroy(ks);
}

void
ps_signal_transitions(void)
{
	struct stream_signals ss, ks; /* the source's, the sink's */
	unsigned src[2], snk[2];
	struct pair t;

	if (!signals_open(&t, &ss, &ks))
		return;
	/* a full burst: one of each (both queues went empty -> full -> empty) */
	burst(&t, QUEUE);
	signals_take(&ks, snk);
	signals_take(&ss, src);
	CHECK_EQ(snk[0], 1u);
	CHECK_EQ(snk[1], 1u);
	CHECK_EQ(src[0], 1u);
	CHECK_EQ(src[1], 1u);

	/* bursts below the queue size never fill it: one wake-up per burst each way */
	for (unsigned b = 0; b < BURSTS; b++)
		burst(&t, QUEUE / 2);
	signals_take(&ks, snk);
	signals_take(&ss, src);
	CHECK_EQ(snk[0], (unsigned)BURSTS);
	CHECK_EQ(snk[1], 0u);
	CHECK_EQ(src[0], (unsigned)BURSTS);
	CHECK_EQ(src[1], 0u);
	signals_close(&t, &ss, &ks);
}

/* a sink that takes and acks n packets, without ever finding the queue empty */
static void
sink_take_ack(struct pair *t, unsigned n)
{
	struct packet_descriptor p;

	for (unsigned i = 0; i < n; i++) {
		CHECK_EQ(packet_stream_sink_get_packet(&t->sink, &p), STATUS_OK);
		CHECK_EQ(packet_stream_sink_acknowledge(&t->sink, &p), STATUS_OK);
	}
}

static void
source_reap(struct pair *t, unsigned n)
{
	struct packet_descriptor p;

	for (unsigned i = 0; i < n; i++) {
		CHECK_EQ(packet_stream_source_get_acked(&t->src, &p), STATUS_OK);
		CHECK_EQ(packet_stream_source_release(&t->src, &p), STATUS_OK);
	}
}

/*
 * Deferred submits cost one packet_avail per flush, and only if the sink
 * asked; a source waiting for half a queue of acks gets one ack_avail,
 * when the half is there, not at the first.
 */
void
ps_signal_batches(void)
{
	struct stream_signals ss, ks;
	struct packet_descriptor p;
	unsigned src[2], snk[2];
	struct pair t;

	if (!signals_open(&t, &ss, &ks))
		return;
	for (unsigned b = 0; b < BURSTS; b++) {
		for (unsigned i = 0; i < QUEUE; i++)
			CHECK(pair_submit_deferred(&t, 64, (uint8_t)i, &p));
		signals_take(&ks, snk);
		CHECK_EQ(snk[0], 0u); /* nothing before the flush */
		/* odd bursts flush; even ones leave it to the wait, which flushes before sleeping
		 */
		if (b % 2) {
			packet_stream_source_flush(&t.src);
			packet_stream_source_flush(&t.src);
		}
		/* no receiver: the wait leaves the wish and returns */
		CHECK_EQ(packet_stream_source_wait_acks(&t.src, QUEUE / 2, NULL),
		         STATUS_WOULD_BLOCK);
		signals_take(&ks, snk);
		CHECK_EQ(snk[0], 1u);
		sink_take_ack(&t, QUEUE / 2 - 1);
		signals_take(&ss, src);
		CHECK_EQ(src[0], 0u); /* not at the first ack */
		sink_take_ack(&t, 1);
		signals_take(&ss, src);
		CHECK_EQ(src[0], 1u); /* at the half */
		CHECK_EQ(packet_stream_source_wait_acks(&t.src, QUEUE / 2, NULL), STATUS_OK);
		sink_take_ack(&t, QUEUE / 2);
		CHECK(!packet_stream_sink_packet_avail(&t.sink));
		signals_take(&ss, src);
		CHECK_EQ(src[0], 0u); /* the source did not ask again */
		source_reap(&t, QUEUE);
	}
	/* nothing in flight: nothing to wait for */
	CHECK_EQ(packet_stream_source_wait_acks(&t.src, QUEUE / 2, NULL), STATUS_OK);
	signals_take(&ks, snk);
	signals_take(&ss, src);
	CHECK_EQ(snk[0] + snk[1] + src[0] + src[1], 0u);
	signals_close(&t, &ss, &ks);
}

/* the sink takes n packets and acknowledges them deferred */
static void
sink_take_ack_deferred(struct pair *t, unsigned n)
{
	struct packet_descriptor p;

	for (unsigned i = 0; i < n; i++) {
		CHECK_EQ(packet_stream_sink_get_packet(&t->sink, &p), STATUS_OK);
		CHECK_EQ(packet_stream_sink_acknowledge_deferred(&t->sink, &p), STATUS_OK);
	}
}

/*
 * Deferred acks cost one ack_avail per flush, and only if the source
 * asked: a source waiting for half a queue hears nothing before the
 * sink flushes, once after; a sink that goes to wait for packets
 * flushes first (else the source would sleep on acks that are there).
 */
void
ps_signal_ack_batches(void)
{
	struct stream_signals ss, ks;
	struct packet_descriptor p;
	unsigned src[2];
	struct pair t;

	if (!signals_open(&t, &ss, &ks))
		return;
	for (unsigned b = 0; b < BURSTS; b++) {
		for (unsigned i = 0; i < QUEUE; i++)
			CHECK(pair_submit(&t, 64, (uint8_t)i, &p));
		CHECK_EQ(packet_stream_source_wait_acks(&t.src, QUEUE / 2, NULL),
		         STATUS_WOULD_BLOCK);
		sink_take_ack_deferred(&t, QUEUE / 2);
		signals_take(&ss, src);
		CHECK_EQ(src[0], 0u); /* nothing before the flush */
		packet_stream_sink_flush(&t.sink);
		packet_stream_sink_flush(&t.sink);
		signals_take(&ss, src);
		CHECK_EQ(src[0], 1u); /* one for the batch */
		CHECK_EQ(packet_stream_source_wait_acks(&t.src, QUEUE, NULL), STATUS_WOULD_BLOCK);
		sink_take_ack_deferred(&t, QUEUE / 2);
		/* the queue is empty: no receiver, so the wait returns after its flush */
		CHECK_EQ(packet_stream_sink_get_packet_blocking(&t.sink, &p), STATUS_WOULD_BLOCK);
		signals_take(&ss, src);
		CHECK_EQ(src[0], 1u);
		CHECK_EQ(src[1], 0u);
		source_reap(&t, QUEUE);
	}
	signals_close(&t, &ss, &ks);
}

/*
 * A sink that writes nonsense into its wish words costs the source at
 * most one signal per move of its positions, never a failure or a wait: the source reads
 * the wish only to decide whether to signal.
 */
void
ps_hostile_wish(void)
{
	static const uint32_t wishes[] = {0, 1, QUEUE - 1, UINT32_MAX, 0x80000000u, 12345};
	struct stream_signals ss, ks;
	struct packet_descriptor p;
	unsigned snk[2], total = 0, submits = 0;
	struct pair t;

	if (!signals_open(&t, &ss, &ks))
		return;
	for (unsigned b = 0; b < BURSTS; b++) {
		for (unsigned i = 0; i < QUEUE; i++, submits++) {
			/* the sink's line: its wish about head; here a liar's */
			uint32_t w = b % 2 ? t.src.submit.own : wishes[(b + i) % 6];
			atomic_store(&t.sink.submit.queue->tail.event, w);
			atomic_store(&t.sink.ack.queue->head.event, ~w);
			CHECK(pair_submit(&t, 64, (uint8_t)i, &p));
		}
		sink_take_ack(&t, QUEUE);
		source_reap(&t, QUEUE);
		signals_take(&ks, snk);
		total += snk[0] + snk[1];
	}
	CHECK(total <= 2 * submits);        /* one per move at most: each submit, each ack taken */
	CHECK(total >= BURSTS / 2 * QUEUE); /* a wish at our head each time is honoured */
	CHECK_EQ(packet_stream_source_error(&t.src)[0], 0);
	CHECK_EQ(packet_stream_sink_error(&t.sink)[0], 0);
	signals_close(&t, &ss, &ks);
}
