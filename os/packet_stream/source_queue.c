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

status_t
packet_stream_source_submit(struct packet_stream_source *src, const struct packet_descriptor *p)
{
	bool wake = false;

	if (src->broken)
		return STATUS_PROTOCOL;
	if (!packet_stream_source_owns(src, p))
		return STATUS_INVALID_ARGS;
	/* recorded first: it may fail for lack of metadata, the queue entry cannot be undone */
	status_t s = range_alloc_alloc_at(&src->inflight, p->offset, p->size);
	if (s != STATUS_OK)
		return s;
	s = checked(src, packet_stream_ring_put(&src->submit, p, SUBMIT, src->error, &wake));
	/* after a PROTOCOL it may be published: it stays in flight, the stream is dead anyway */
	if (s == STATUS_WOULD_BLOCK)
		(void)range_alloc_free(&src->inflight, p->offset);
	else
		src->in_flight++;
	if (wake)
		packet_stream_notify(src->sig.packet_avail);
	return s;
}

status_t
packet_stream_source_submit_blocking(struct packet_stream_source *src,
                                     const struct packet_descriptor *p)
{
	for (;;) {
		status_t s = packet_stream_source_submit(src, p);
		if (s != STATUS_WOULD_BLOCK)
			return s;
		s = packet_stream_wait(src->sig.receiver);
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
	uint64_t size;

	if (src->broken)
		return STATUS_PROTOCOL;
	status_t s = checked(src, packet_stream_ring_take(&src->ack, &got, ACK, src->error, &wake));
	if (wake)
		packet_stream_notify(src->sig.ready_to_ack);
	if (s != STATUS_OK)
		return s;
	if (range_alloc_size_at(&src->inflight, got.offset, &size) != STATUS_OK || size != got.size)
		return checked(src, packet_stream_fail(src->error,
		                                       "%s: offset %llu size %llu is not in flight",
		                                       ACK, (unsigned long long)got.offset,
		                                       (unsigned long long)got.size));
	(void)range_alloc_free(&src->inflight, got.offset);
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
		s = packet_stream_wait(src->sig.receiver);
		if (s != STATUS_OK)
			return s;
	}
}
