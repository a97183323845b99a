/*
 * \brief  Packet stream: the source's setup and payload space
 *
 * Two range allocators over the payload area: "payload" holds every
 * packet the source allocated and has not released, "inflight" those of
 * them that are submitted and not yet got back. The second is how an
 * ack is checked: it must name exactly a packet in flight, otherwise a
 * hostile sink could make us free (and reuse) a packet we are filling or
 * one it acknowledged before.
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

static status_t
init_allocators(struct packet_stream_source *src, const struct heap_backing *backing)
{
	status_t s = slab_init(&src->meta, RANGE_ALLOC_META_SIZE, backing);

	if (s != STATUS_OK)
		return s;
	range_alloc_init(&src->payload, &src->meta);
	range_alloc_init(&src->inflight, &src->meta);
	s = range_alloc_add(&src->payload, 0, src->layout.payload_size);
	if (s == STATUS_OK)
		s = range_alloc_add(&src->inflight, 0, src->layout.payload_size);
	if (s != STATUS_OK)
		packet_stream_source_destroy(src);
	return s;
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
	s = init_allocators(src, backing);
	if (s == STATUS_OK)
		format_region(src);
	return s;
}

void
packet_stream_source_destroy(struct packet_stream_source *src)
{
	range_alloc_destroy(&src->inflight);
	range_alloc_destroy(&src->payload);
	slab_destroy(&src->meta);
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
	status_t s = range_alloc_alloc_aligned(&src->payload, size, align_log2, &offset);
	if (s == STATUS_NOT_FOUND)
		return STATUS_OUT_OF_MEMORY;
	if (s != STATUS_OK)
		return s;
	mem_set(p, 0, sizeof(*p));
	p->offset = offset;
	p->size = size;
	return STATUS_OK;
}

bool
packet_stream_source_owns(const struct packet_stream_source *src, const struct packet_descriptor *p)
{
	uint64_t size;

	return range_alloc_size_at(&src->payload, p->offset, &size) == STATUS_OK &&
	       size == p->size &&
	       range_alloc_size_at(&src->inflight, p->offset, &size) == STATUS_NOT_FOUND;
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
	if (!packet_stream_source_owns(src, p))
		return STATUS_INVALID_ARGS;
	return range_alloc_free(&src->payload, p->offset);
}

const char *
packet_stream_source_error(const struct packet_stream_source *src)
{
	return src->error;
}
