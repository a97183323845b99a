/*
 * \brief  test-packet_stream: a signal only on the transitions a peer waits for
 *
 * Counts the signals each side receives while the other streams in
 * bursts: packet_avail only when the submit queue was empty, ack_avail
 * only when the ack queue was empty, ready_to_submit / ready_to_ack only
 * when the queue was full. A stream that signalled per packet (the
 * wake-up per packet issue #16 forbids) fails the exact counts.
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
	for (unsigned i = 0; i < n; i++) {
		CHECK_EQ(packet_stream_sink_get_packet(&t->sink, &p), STATUS_OK);
		CHECK_EQ(packet_stream_sink_acknowledge(&t->sink, &p), STATUS_OK);
	}
	for (unsigned i = 0; i < n; i++) {
		CHECK_EQ(packet_stream_source_get_acked(&t->src, &p), STATUS_OK);
		CHECK_EQ(packet_stream_source_release(&t->src, &p), STATUS_OK);
	}
}

void
ps_signal_transitions(void)
{
	struct stream_signals ss, ks; /* the source's, the sink's */
	unsigned src[2], snk[2];
	struct pair t;

	if (!pair_open(&t, REGION, QUEUE, false) || !CHECK(stream_signals_create(&ss)) ||
	    !CHECK(stream_signals_create(&ks)))
		return;
	/* sink: packet_avail, ready_to_ack; source: ack_avail, ready_to_submit */
	t.src.sig.packet_avail = stream_signals_cap(&ks, 0);
	t.src.sig.ready_to_ack = stream_signals_cap(&ks, 1);
	t.sink.sig.ack_avail = stream_signals_cap(&ss, 0);
	t.sink.sig.ready_to_submit = stream_signals_cap(&ss, 1);

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
	pair_close(&t);
	stream_signals_destroy(&ss);
	stream_signals_destroy(&ks);
}
