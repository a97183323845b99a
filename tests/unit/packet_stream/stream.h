/*
 * \brief  test-packet_stream: the two ends of a verified stream
 *
 * Packet i has a size that varies with i, carries i in its first bytes
 * and (uint8_t)i in the others, and its byte sum in op[3]. The sink
 * checks all of it, stores its own sum in op[2] and inverts the first
 * byte; the source checks both on the ack, so data travels both ways.
 */

#ifndef _TESTS__UNIT__PACKET_STREAM__STREAM_H_
#define _TESTS__UNIT__PACKET_STREAM__STREAM_H_

#include <stdbool.h>

#include <os/packet_stream.h>

/*
 * Send count packets and check their acks; keeps at most queue_size in
 * flight. batched: deferred submits with a flush every 7, and out of
 * acks, wait for all in flight (packet_stream_source_wait_acks).
 */
bool stream_source(struct packet_stream_source *src, unsigned count, uint32_t queue_size,
                   bool batched);

/* take, check and acknowledge count packets */
bool stream_sink(struct packet_stream_sink *sink, unsigned count, bool batched);

/* one side's receiver and the two contexts it waits for */
struct stream_signals {
	struct signal_receiver *r;
	struct signal_context *ctx[2];
};

bool stream_signals_create(struct stream_signals *s);
void stream_signals_destroy(struct stream_signals *s);

/* the capability of context i, BORROWED */
signal_context_cap_t stream_signals_cap(const struct stream_signals *s, unsigned i);

/*
 * Send our two capabilities over the socket and receive the peer's two
 * (owned by us then, as SCM_RIGHTS copies). False on any failure.
 */
bool stream_signals_swap(int sock, const struct stream_signals *mine, signal_context_cap_t *theirs);

#endif /* _TESTS__UNIT__PACKET_STREAM__STREAM_H_ */
