/*
 * \brief  Packet stream: one side's view of one shared queue
 *
 * Positions run freely modulo 2^32, head - tail is the fill level, and
 * the queue size is a power of two so that position % size stays right
 * across the wrap. Ordering: the producer writes a slot, then publishes
 * head with release; the consumer loads head with acquire, copies the
 * slot, then publishes tail with release, which returns the slot.
 *
 * Wake-ups: after publishing its position, each side issues a seq_cst
 * fence and loads the peer's position. A side about to wait has done the
 * same (publish, fence) before its last look. So of two sides that race,
 * at least one sees the other's update: either the waiter sees the new
 * entry or slot, or the publisher sees that the queue was empty (full)
 * before and signals. Signals are only sent on those transitions.
 */

#include "internal.h"

enum { WORDS = 2 + PACKET_STREAM_OP_WORDS };

void
packet_stream_ring_attach(struct packet_stream_ring *r, uint8_t *base, size_t offset, uint32_t size)
{
	r->queue = (struct packet_stream_queue *)(void *)(base + offset);
	r->slots = (struct packet_stream_slot *)(void *)(base + offset + sizeof(*r->queue));
	r->size = size;
	r->own = 0;
	r->peer = 0;
}

void
packet_stream_ring_format(struct packet_stream_ring *r)
{
	atomic_store_explicit(&r->queue->head.value, 0, memory_order_relaxed);
	atomic_store_explicit(&r->queue->tail.value, 0, memory_order_release);
}

/* the consumer's look: head lies in [own, own + size] and never moves back */
static status_t
sync_head(struct packet_stream_ring *r, const char *name, char *err)
{
	uint32_t head = atomic_load_explicit(&r->queue->head.value, memory_order_acquire);
	uint32_t fill = head - r->own;

	if (fill > r->size)
		return packet_stream_fail(err, "%s: head %u is %u entries past tail %u (size %u)",
		                          name, head, fill, r->own, r->size);
	if (fill < r->peer - r->own)
		return packet_stream_fail(err, "%s: head moved back from %u to %u", name, r->peer,
		                          head);
	r->peer = head;
	return STATUS_OK;
}

/* the producer's look: tail lies between its last value and our head */
static status_t
sync_tail(struct packet_stream_ring *r, const char *name, char *err)
{
	uint32_t tail = atomic_load_explicit(&r->queue->tail.value, memory_order_acquire);

	if (tail - r->peer > r->own - r->peer)
		return packet_stream_fail(err, "%s: tail %u outside [%u, %u] (size %u)", name, tail,
		                          r->peer, r->own, r->size);
	r->peer = tail;
	return STATUS_OK;
}

status_t
packet_stream_ring_writable(struct packet_stream_ring *r, const char *name, char *err, bool *yes)
{
	status_t s = STATUS_OK;

	if (r->own - r->peer >= r->size)
		s = sync_tail(r, name, err);
	*yes = r->own - r->peer < r->size;
	return s;
}

status_t
packet_stream_ring_readable(struct packet_stream_ring *r, const char *name, char *err, bool *yes)
{
	status_t s = STATUS_OK;

	if (r->own == r->peer)
		s = sync_head(r, name, err);
	*yes = r->own != r->peer;
	return s;
}

status_t
packet_stream_ring_put(struct packet_stream_ring *r, const struct packet_descriptor *p,
                       const char *name, char *err, bool *wake)
{
	struct packet_stream_slot *slot = &r->slots[r->own & (r->size - 1)];
	uint32_t before = r->own;
	bool yes;
	status_t s = packet_stream_ring_writable(r, name, err, &yes);

	if (s != STATUS_OK)
		return s;
	if (!yes)
		return STATUS_WOULD_BLOCK;
	atomic_store_explicit(&slot->word[0], p->offset, memory_order_relaxed);
	atomic_store_explicit(&slot->word[1], p->size, memory_order_relaxed);
	for (unsigned i = 0; i < PACKET_STREAM_OP_WORDS; i++)
		atomic_store_explicit(&slot->word[2 + i], p->op[i], memory_order_relaxed);
	r->own = before + 1;
	atomic_store_explicit(&r->queue->head.value, r->own, memory_order_release);
	atomic_thread_fence(memory_order_seq_cst);
	s = sync_tail(r, name, err);
	*wake = s == STATUS_OK && r->peer == before;
	return s;
}

status_t
packet_stream_ring_take(struct packet_stream_ring *r, struct packet_descriptor *p, const char *name,
                        char *err, bool *wake)
{
	struct packet_stream_slot *slot = &r->slots[r->own & (r->size - 1)];
	uint32_t before = r->own;
	bool yes;
	status_t s = packet_stream_ring_readable(r, name, err, &yes);

	if (s != STATUS_OK)
		return s;
	if (!yes)
		return STATUS_WOULD_BLOCK;
	/* each word once: what is validated later is what we use */
	p->offset = atomic_load_explicit(&slot->word[0], memory_order_relaxed);
	p->size = atomic_load_explicit(&slot->word[1], memory_order_relaxed);
	for (unsigned i = 0; i < PACKET_STREAM_OP_WORDS; i++)
		p->op[i] = atomic_load_explicit(&slot->word[2 + i], memory_order_relaxed);
	r->own = before + 1;
	atomic_store_explicit(&r->queue->tail.value, r->own, memory_order_release);
	atomic_thread_fence(memory_order_seq_cst);
	s = sync_head(r, name, err);
	*wake = s == STATUS_OK && r->peer - before == r->size;
	return s;
}
