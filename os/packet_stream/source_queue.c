/*
 * \brief  Packet stream: the source's queues (submit out, acks in)
 */

#include "internal.h"

static const char SUBMIT[] = "submit queue", ACK[] = "ack queue";

/* a PROTOCOL status breaks the source for good */
static status_t
checked(struct packet_stream_source *src, status_t s)
{
	if (s == STATUS_PROTOCOL)
		src->broken = true;
	return s;
}

bool
packet_stream_source_ready_to_submit(struct packet_stream_source *src)
{
	bool yes;

	if (src->broken)
		return true;
	return checked(src, packet_stream_ring_writable(&src->submit, SUBMIT, src->error, &yes)) !=
	               STATUS_OK ||
	       yes;
}

static status_t
submit(struct packet_stream_source *src, const struct packet_descriptor *p, bool defer)
{
	bool wake = false;

	if (src->broken)
		return STATUS_PROTOCOL;
	struct packet_stream_record *r = packet_stream_source_owns(src, p);
	if (!r)
		return STATUS_INVALID_ARGS;
	status_t s = checked(
	        src, packet_stream_ring_put(&src->submit, p, defer, SUBMIT, src->error, &wake));
	/* after a PROTOCOL it may be published: it stays in flight, the stream is dead anyway */
	if (s != STATUS_WOULD_BLOCK) {
		r->state = PACKET_STREAM_REC_INFLIGHT;
		src->in_flight++;
	}
	if (wake)
		packet_stream_notify(src->sig.packet_avail);
	return s;
}

status_t
packet_stream_source_submit(struct packet_stream_source *src, const struct packet_descriptor *p)
{
	return submit(src, p, false);
}

status_t
packet_stream_source_submit_deferred(struct packet_stream_source *src,
                                     const struct packet_descriptor *p)
{
	return submit(src, p, true);
}

void
packet_stream_source_flush(struct packet_stream_source *src)
{
	packet_stream_flush_side(&src->submit, SUBMIT, src->error, &src->broken,
	                         src->sig.packet_avail);
}

/* wait for a signal, after waking the sink for what we deferred */
static status_t
source_wait(struct packet_stream_source *src)
{
	packet_stream_source_flush(src);
	return packet_stream_wait(src->sig.receiver);
}

status_t
packet_stream_source_submit_blocking(struct packet_stream_source *src,
                                     const struct packet_descriptor *p)
{
	for (;;) {
		status_t s = packet_stream_source_submit(src, p);
		if (s != STATUS_WOULD_BLOCK)
			return s;
		s = source_wait(src);
		if (s != STATUS_OK)
			return s;
	}
}

bool
packet_stream_source_ack_avail(struct packet_stream_source *src)
{
	bool yes;

	if (src->broken)
		return true;
	return checked(src, packet_stream_ring_readable(&src->ack, ACK, src->error, &yes)) !=
	               STATUS_OK ||
	       yes;
}

status_t
packet_stream_source_get_acked(struct packet_stream_source *src, struct packet_descriptor *p)
{
	struct packet_descriptor got;
	bool wake = false;

	if (src->broken)
		return STATUS_PROTOCOL;
	status_t s = checked(src, packet_stream_ring_take(&src->ack, &got, ACK, src->error, &wake));
	if (wake)
		packet_stream_notify(src->sig.ready_to_ack);
	if (s != STATUS_OK)
		return s;
	struct packet_stream_record *r =
	        packet_stream_payload_find(&src->payload, got.offset, got.size);
	if (!r || r->state != PACKET_STREAM_REC_INFLIGHT)
		return checked(src, packet_stream_fail(src->error,
		                                       "%s: offset %llu size %llu is not in flight",
		                                       ACK, (unsigned long long)got.offset,
		                                       (unsigned long long)got.size));
	r->state = PACKET_STREAM_REC_OWNED;
	src->in_flight--;
	*p = got;
	return STATUS_OK;
}

status_t
packet_stream_source_get_acked_blocking(struct packet_stream_source *src,
                                        struct packet_descriptor *p)
{
	for (;;) {
		status_t s = packet_stream_source_get_acked(src, p);
		if (s != STATUS_WOULD_BLOCK)
			return s;
		s = source_wait(src);
		if (s != STATUS_OK)
			return s;
	}
}

status_t
packet_stream_source_wait_acks(struct packet_stream_source *src, uint32_t want, uint32_t *avail)
{
	uint32_t n = 0;
	status_t s = STATUS_OK;

	if (want > src->in_flight)
		want = src->in_flight; /* only what is in flight can come back */
	for (;;) {
		if (src->broken) {
			s = STATUS_PROTOCOL;
			break;
		}
		s = checked(src, packet_stream_ring_wait_for(&src->ack, want, ACK, src->error, &n));
		if (s != STATUS_OK || n >= want || n == src->ack.size)
			break;
		s = source_wait(src);
		if (s != STATUS_OK)
			break;
	}
	if (avail)
		*avail = s == STATUS_OK ? n : 0;
	return s;
}
