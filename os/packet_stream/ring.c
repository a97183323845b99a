/*
 * \brief  Packet stream: one side's view of one shared queue
 *
 * Positions run freely modulo 2^32, head - tail is the fill level, and
 * the queue size is a power of two so that position % size stays right
 * across the wrap. Ordering: the producer writes a slot, then publishes
 * head with release; the consumer loads head with acquire, copies the
 * slot, then publishes tail with release, which returns the slot.
 *
 * Wake-ups (virtio's event index): a side that finds nothing to do
 * writes its wish (consumer: "signal me when head passes X", producer:
 * "when tail passes X") to the event word of its own line, issues a
 * seq_cst fence and looks at the peer's position once more. A side that
 * moved its position issues a seq_cst fence after publishing and reads
 * the peer's wish, and signals if its move passed it. So of two sides
 * that race, at least one sees the other's store: the waiter sees the new
 * position and does not wait, or the mover sees the wish and signals. A
 * signal is sent only for a wish, and once per wish: a consumer that
 * keeps up and never waits is never signalled, one that waits for n
 * entries is signalled once when the n-th is there.
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
	r->notified = 0;
}

void
packet_stream_ring_format(struct packet_stream_ring *r)
{
	/* the consumer wants the first entry (it may wait before it ever looked) */
	atomic_store_explicit(&r->queue->tail.event, 0, memory_order_relaxed);
	/* the producer wants nothing: tail never passes it before 2^32 entries */
	atomic_store_explicit(&r->queue->head.event, UINT32_MAX, memory_order_relaxed);
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

/* write our wish, then (fence) the peer must see it or we see its move */
static void
wish(_Atomic uint32_t *event, uint32_t value)
{
	atomic_store_explicit(event, value, memory_order_relaxed);
	atomic_thread_fence(memory_order_seq_cst);
}

/*
 * After our position moved from r->notified to r->own (published): look
 * at the peer's line again (its position, validated, and its wish, on
 * the same cache line) and tell whether the move passed the wish. The
 * wish is read once and decides one signal, nothing else: any value is
 * safe.
 */
static status_t
after_move(struct packet_stream_ring *r, bool producer, const char *name, char *err, bool *wake)
{
	struct packet_stream_index *line = producer ? &r->queue->tail : &r->queue->head;

	atomic_thread_fence(memory_order_seq_cst);
	status_t s = producer ? sync_tail(r, name, err) : sync_head(r, name, err);
	uint32_t w = atomic_load_explicit(&line->event, memory_order_relaxed);

	*wake = s == STATUS_OK && w - r->notified < r->own - r->notified;
	r->notified = r->own;
	return s;
}

status_t
packet_stream_ring_writable(struct packet_stream_ring *r, const char *name, char *err, bool *yes)
{
	status_t s = STATUS_OK;

	if (r->own - r->peer >= r->size)
		s = sync_tail(r, name, err);
	if (s == STATUS_OK && r->own - r->peer >= r->size) {
		/* full: wake me when a slot is free, i.e. tail passes head - size */
		wish(&r->queue->head.event, r->own - r->size);
		s = sync_tail(r, name, err);
	}
	*yes = r->own - r->peer < r->size;
	return s;
}

status_t
packet_stream_ring_readable(struct packet_stream_ring *r, const char *name, char *err, bool *yes)
{
	uint32_t n;
	status_t s = packet_stream_ring_wait_for(r, 1, name, err, &n);

	*yes = s == STATUS_OK && n > 0;
	return s;
}

status_t
packet_stream_ring_wait_for(struct packet_stream_ring *r, uint32_t want, const char *name,
                            char *err, uint32_t *avail)
{
	status_t s = STATUS_OK;

	want = want > r->size ? r->size : want;
	if (want == 0 || r->peer - r->own < want)
		s = sync_head(r, name, err);
	if (s == STATUS_OK && want > 0 && r->peer - r->own < want) {
		/* too few: wake me when head passes tail + want - 1 */
		wish(&r->queue->tail.event, r->own + want - 1);
		s = sync_head(r, name, err);
	}
	*avail = r->peer - r->own;
	return s;
}

status_t
packet_stream_ring_put(struct packet_stream_ring *r, const struct packet_descriptor *p, bool defer,
                       const char *name, char *err, bool *wake)
{
	struct packet_stream_slot *slot = &r->slots[r->own & (r->size - 1)];
	bool yes = r->own - r->peer < r->size; /* room we knew of: no look at the peer */
	status_t s = yes ? STATUS_OK : packet_stream_ring_writable(r, name, err, &yes);

	*wake = false;
	if (s != STATUS_OK)
		return s;
	if (!yes)
		return STATUS_WOULD_BLOCK;
	atomic_store_explicit(&slot->word[0], p->offset, memory_order_relaxed);
	atomic_store_explicit(&slot->word[1], p->size, memory_order_relaxed);
	for (unsigned i = 0; i < PACKET_STREAM_OP_WORDS; i++)
		atomic_store_explicit(&slot->word[2 + i], p->op[i], memory_order_relaxed);
	r->own++;
	atomic_store_explicit(&r->queue->head.value, r->own, memory_order_release);
	return defer ? STATUS_OK : packet_stream_ring_flush(r, name, err, wake);
}

status_t
packet_stream_ring_flush(struct packet_stream_ring *r, const char *name, char *err, bool *wake)
{
	*wake = false;
	return r->notified == r->own ? STATUS_OK : after_move(r, true, name, err, wake);
}

status_t
packet_stream_ring_take(struct packet_stream_ring *r, struct packet_descriptor *p, const char *name,
                        char *err, bool *wake)
{
	struct packet_stream_slot *slot = &r->slots[r->own & (r->size - 1)];
	bool yes = r->peer != r->own; /* entries we knew of: no look at the peer */
	status_t s = yes ? STATUS_OK : packet_stream_ring_readable(r, name, err, &yes);

	*wake = false;
	if (s != STATUS_OK)
		return s;
	if (!yes)
		return STATUS_WOULD_BLOCK;
	/* each word once: what is validated later is what we use */
	p->offset = atomic_load_explicit(&slot->word[0], memory_order_relaxed);
	p->size = atomic_load_explicit(&slot->word[1], memory_order_relaxed);
	for (unsigned i = 0; i < PACKET_STREAM_OP_WORDS; i++)
		p->op[i] = atomic_load_explicit(&slot->word[2 + i], memory_order_relaxed);
	r->own++;
	atomic_store_explicit(&r->queue->tail.value, r->own, memory_order_release);
	return after_move(r, false, name, err, wake);
}
