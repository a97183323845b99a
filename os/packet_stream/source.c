/*
 * \brief  Packet stream: the source's setup and payload space
 *
 * The payload allocator (payload.c) records every packet the source
 * allocated and has not released, and whether it is in flight (submitted
 * and not yet got back). That is how an ack is checked: it must name
 * exactly a packet in flight, otherwise a hostile sink could make us free
 * (and reuse) a packet we are filling or one it acknowledged before.
 */

#include <util/string.h>

#include "internal.h"

static void
format_region(struct packet_stream_source *src)
{
	struct packet_stream_header *h = (struct packet_stream_header *)(void *)src->base;

	packet_stream_ring_format(&src->submit);
	packet_stream_ring_format(&src->ack);
	atomic_store_explicit(&h->queue_size, src->layout.queue_size, memory_order_relaxed);
	atomic_store_explicit(&h->payload_size, src->layout.payload_size, memory_order_relaxed);
	/* last: a sink that sees the magic sees the rest */
	atomic_store_explicit(&h->magic, PACKET_STREAM_MAGIC, memory_order_release);
}

status_t
packet_stream_source_init(struct packet_stream_source *src, void *base, size_t size,
                          uint32_t queue_size, const struct heap_backing *backing,
                          const struct packet_stream_source_signals *sig)
{
	mem_set(src, 0, sizeof(*src));
	if (!base || ((uintptr_t)base & (PACKET_STREAM_CACHE_LINE - 1)) != 0 || !sig)
		return STATUS_INVALID_ARGS;
	status_t s = packet_stream_layout(size, queue_size, &src->layout);
	if (s != STATUS_OK)
		return s;
	src->base = base;
	src->sig = *sig;
	packet_stream_ring_attach(&src->submit, src->base, src->layout.submit_offset, queue_size);
	packet_stream_ring_attach(&src->ack, src->base, src->layout.ack_offset, queue_size);
	if (!backing)
		return STATUS_INVALID_ARGS;
	s = packet_stream_payload_init(&src->payload, src->layout.payload_size, backing);
	if (s == STATUS_OK)
		format_region(src);
	return s;
}

void
packet_stream_source_destroy(struct packet_stream_source *src)
{
	packet_stream_payload_destroy(&src->payload);
}

status_t
packet_stream_source_alloc_packet(struct packet_stream_source *src, uint64_t size,
                                  unsigned align_log2, struct packet_descriptor *p)
{
	uint64_t offset;

	if (src->broken)
		return STATUS_PROTOCOL;
	if (size == 0)
		return STATUS_INVALID_ARGS;
	status_t s = packet_stream_payload_alloc(&src->payload, size, align_log2, &offset);
	if (s != STATUS_OK)
		return s;
	mem_set(p, 0, sizeof(*p));
	p->offset = offset;
	p->size = size;
	return STATUS_OK;
}

struct packet_stream_record *
packet_stream_source_owns(struct packet_stream_source *src, const struct packet_descriptor *p)
{
	struct packet_stream_record *r =
	        packet_stream_payload_find(&src->payload, p->offset, p->size);

	return r && r->state == PACKET_STREAM_REC_OWNED ? r : NULL;
}

void *
packet_stream_source_packet_content(struct packet_stream_source *src,
                                    const struct packet_descriptor *p)
{
	if (!packet_stream_source_owns(src, p))
		return NULL;
	return src->base + src->layout.payload_offset + p->offset;
}

status_t
packet_stream_source_release(struct packet_stream_source *src, const struct packet_descriptor *p)
{
	struct packet_stream_record *r = packet_stream_source_owns(src, p);

	if (!r)
		return STATUS_INVALID_ARGS;
	packet_stream_payload_free(&src->payload, r);
	return STATUS_OK;
}

const char *
packet_stream_source_error(const struct packet_stream_source *src)
{
	return src->error;
}
