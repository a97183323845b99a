/*
 * \brief  Packet stream: the sink
 *
 * The sink has no allocator: it only checks that what the source submits
 * lies in the payload area, so that the content pointers it hands out
 * stay inside the region whatever the source writes.
 */

#include <util/string.h>

#include "internal.h"

static const char SUBMIT[] = "submit queue", ACK[] = "ack queue";

static status_t sink_wait(struct packet_stream_sink *sink);

static status_t
checked(struct packet_stream_sink *sink, status_t s)
{
	if (s == STATUS_PROTOCOL)
		sink->broken = true;
	return s;
}

/* the header, each field read once, against our own idea of the layout */
static status_t
check_header(struct packet_stream_sink *sink)
{
	struct packet_stream_header *h = (struct packet_stream_header *)(void *)sink->base;
	uint32_t magic = atomic_load_explicit(&h->magic, memory_order_acquire);
	uint32_t queue_size = atomic_load_explicit(&h->queue_size, memory_order_relaxed);
	uint64_t payload_size = atomic_load_explicit(&h->payload_size, memory_order_relaxed);

	if (magic != PACKET_STREAM_MAGIC)
		return packet_stream_fail(sink->error, "header: bad magic %#x", magic);
	if (queue_size != sink->layout.queue_size || payload_size != sink->layout.payload_size)
		return packet_stream_fail(
		        sink->error, "header: queue size %u, payload %llu, expected %u, %llu",
		        queue_size, (unsigned long long)payload_size, sink->layout.queue_size,
		        (unsigned long long)sink->layout.payload_size);
	return STATUS_OK;
}

status_t
packet_stream_sink_init(struct packet_stream_sink *sink, void *base, size_t size,
                        uint32_t queue_size, const struct packet_stream_sink_signals *sig)
{
	mem_set(sink, 0, sizeof(*sink));
	if (!base || ((uintptr_t)base & (PACKET_STREAM_CACHE_LINE - 1)) != 0 || !sig)
		return STATUS_INVALID_ARGS;
	status_t s = packet_stream_layout(size, queue_size, &sink->layout);
	if (s != STATUS_OK)
		return s;
	sink->base = base;
	sink->sig = *sig;
	packet_stream_ring_attach(&sink->submit, sink->base, sink->layout.submit_offset,
	                          queue_size);
	packet_stream_ring_attach(&sink->ack, sink->base, sink->layout.ack_offset, queue_size);
	return checked(sink, check_header(sink));
}

bool
packet_stream_sink_packet_avail(struct packet_stream_sink *sink)
{
	bool yes;

	if (sink->broken)
		return true;
	return checked(sink, packet_stream_ring_readable(&sink->submit, SUBMIT, sink->error,
	                                                 &yes)) != STATUS_OK ||
	       yes;
}

status_t
packet_stream_sink_get_packet(struct packet_stream_sink *sink, struct packet_descriptor *p)
{
	struct packet_descriptor got;
	bool wake = false;

	if (sink->broken)
		return STATUS_PROTOCOL;
	status_t s = checked(
	        sink, packet_stream_ring_take(&sink->submit, &got, SUBMIT, sink->error, &wake));
	if (wake)
		packet_stream_notify(sink->sig.ready_to_submit);
	if (s != STATUS_OK)
		return s;
	if (!packet_stream_in_range(got.offset, got.size, sink->layout.payload_size))
		return checked(sink,
		               packet_stream_fail(sink->error,
		                                  "%s: offset %llu size %llu outside payload %llu",
		                                  SUBMIT, (unsigned long long)got.offset,
		                                  (unsigned long long)got.size,
		                                  (unsigned long long)sink->layout.payload_size));
	sink->held++;
	*p = got;
	return STATUS_OK;
}

status_t
packet_stream_sink_get_packet_blocking(struct packet_stream_sink *sink, struct packet_descriptor *p)
{
	for (;;) {
		status_t s = packet_stream_sink_get_packet(sink, p);
		if (s != STATUS_WOULD_BLOCK)
			return s;
		s = sink_wait(sink);
		if (s != STATUS_OK)
			return s;
	}
}

void *
packet_stream_sink_packet_content(struct packet_stream_sink *sink,
                                  const struct packet_descriptor *p)
{
	if (!packet_stream_in_range(p->offset, p->size, sink->layout.payload_size))
		return NULL;
	return sink->base + sink->layout.payload_offset + p->offset;
}

bool
packet_stream_sink_ready_to_ack(struct packet_stream_sink *sink)
{
	bool yes;

	if (sink->broken)
		return true;
	return checked(sink, packet_stream_ring_writable(&sink->ack, ACK, sink->error, &yes)) !=
	               STATUS_OK ||
	       yes;
}

static status_t
acknowledge(struct packet_stream_sink *sink, const struct packet_descriptor *p, bool defer)
{
	bool wake = false;

	if (sink->broken)
		return STATUS_PROTOCOL;
	if (sink->held == 0 ||
	    !packet_stream_in_range(p->offset, p->size, sink->layout.payload_size))
		return STATUS_INVALID_ARGS;
	status_t s = checked(sink,
	                     packet_stream_ring_put(&sink->ack, p, defer, ACK, sink->error, &wake));
	if (s == STATUS_OK)
		sink->held--;
	if (wake)
		packet_stream_notify(sink->sig.ack_avail);
	return s;
}

status_t
packet_stream_sink_acknowledge(struct packet_stream_sink *sink, const struct packet_descriptor *p)
{
	return acknowledge(sink, p, false);
}

status_t
packet_stream_sink_acknowledge_deferred(struct packet_stream_sink *sink,
                                        const struct packet_descriptor *p)
{
	return acknowledge(sink, p, true);
}

void
packet_stream_sink_flush(struct packet_stream_sink *sink)
{
	packet_stream_flush_side(&sink->ack, ACK, sink->error, &sink->broken, sink->sig.ack_avail);
}

/* wait for a signal, after waking the source for what we deferred */
static status_t
sink_wait(struct packet_stream_sink *sink)
{
	packet_stream_sink_flush(sink);
	return packet_stream_wait(sink->sig.receiver);
}

status_t
packet_stream_sink_acknowledge_blocking(struct packet_stream_sink *sink,
                                        const struct packet_descriptor *p)
{
	for (;;) {
		status_t s = packet_stream_sink_acknowledge(sink, p);
		if (s != STATUS_WOULD_BLOCK)
			return s;
		s = sink_wait(sink);
		if (s != STATUS_OK)
			return s;
	}
}

const char *
packet_stream_sink_error(const struct packet_stream_sink *sink)
{
	return sink->error;
}
