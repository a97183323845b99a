/*
 * \brief  Packet stream: helpers shared by the source and the sink
 *
 * A ring is one side's view of one queue. It never reads its own
 * position back from the region (the peer could have changed it), reads
 * the peer's position once per look and validates it against what the
 * peer may legally have done since, and copies descriptors word by word
 * with single atomic loads so that a validated copy cannot change.
 */

#ifndef _OS__PACKET_STREAM__INTERNAL_H_
#define _OS__PACKET_STREAM__INTERNAL_H_

#include <os/packet_stream.h>
#include <util/format.h>

/* point r at a queue of the region at base; positions start at 0 */
void packet_stream_ring_attach(struct packet_stream_ring *r, uint8_t *base, size_t offset,
                               uint32_t size);

/* reset the queue's positions in the region (the source's init) */
void packet_stream_ring_format(struct packet_stream_ring *r);

/*
 * Whether the producer r has a free slot / the consumer r has an entry,
 * looking at the peer's position if the last view says no. A "no" leaves
 * our wish to be woken when it turns "yes" (the caller may wait then).
 * STATUS_OK with *yes, or STATUS_PROTOCOL with err filled in.
 */
status_t packet_stream_ring_writable(struct packet_stream_ring *r, const char *name, char *err,
                                     bool *yes);
status_t packet_stream_ring_readable(struct packet_stream_ring *r, const char *name, char *err,
                                     bool *yes);

/*
 * The consumer r: *avail entries are there; fewer than want (capped by
 * the size) leaves the wish to be woken when there are want. want 0
 * counts, wishes nothing.
 */
status_t packet_stream_ring_wait_for(struct packet_stream_ring *r, uint32_t want, const char *name,
                                     char *err, uint32_t *avail);

/*
 * Produce p. Unless defer, *wake tells whether the consumer wished to be
 * woken by this entry (or a deferred one before it). STATUS_WOULD_BLOCK
 * if full, STATUS_PROTOCOL.
 */
status_t packet_stream_ring_put(struct packet_stream_ring *r, const struct packet_descriptor *p,
                                bool defer, const char *name, char *err, bool *wake);

/* the producer r: *wake if the entries put since the last look passed the consumer's wish */
status_t packet_stream_ring_flush(struct packet_stream_ring *r, const char *name, char *err,
                                  bool *wake);

/*
 * Consume the next entry into *p (unchecked). *wake tells whether the
 * producer wished to be woken by this free slot. STATUS_WOULD_BLOCK if
 * empty, STATUS_PROTOCOL.
 */
status_t packet_stream_ring_take(struct packet_stream_ring *r, struct packet_descriptor *p,
                                 const char *name, char *err, bool *wake);

/* fill err with the reason; returns STATUS_PROTOCOL */
status_t packet_stream_fail(char *err, const char *fmt, ...) FORMAT_PRINTF(2, 3);

/* submit one signal if the capability is valid (a polling peer passes none) */
void packet_stream_notify(signal_context_cap_t cap);

/*
 * A side's flush of its producer ring r: signal cap if the consumer
 * wished for what was put (deferred) since. Nothing if *broken; a
 * STATUS_PROTOCOL sets it.
 */
void packet_stream_flush_side(struct packet_stream_ring *r, const char *name, char *err,
                              bool *broken, signal_context_cap_t cap);

/*
 * Wait for any signal at r: the caller's condition may have changed.
 * STATUS_WOULD_BLOCK without a receiver, STATUS_UNAVAILABLE if waiting failed.
 */
status_t packet_stream_wait(struct signal_receiver *r);

/* the payload allocator (payload.c); backing is copied, its ctx borrowed */
status_t packet_stream_payload_init(struct packet_stream_payload *pl, uint64_t size,
                                    const struct heap_backing *backing);
void packet_stream_payload_destroy(struct packet_stream_payload *pl);

/*
 * size bytes at a multiple of 2^align_log2 into *offset, recorded as
 * OWNED. STATUS_INVALID_ARGS (size 0, align_log2 > 63), STATUS_OUT_OF_MEMORY
 * (no room now), or the backing's status.
 */
status_t packet_stream_payload_alloc(struct packet_stream_payload *pl, uint64_t size,
                                     unsigned align_log2, uint64_t *offset);

/* the record of the packet at exactly offset and size (any values), or NULL */
struct packet_stream_record *packet_stream_payload_find(struct packet_stream_payload *pl,
                                                        uint64_t offset, uint64_t size);

/* release r (found just before); the pointer is invalid afterwards */
void packet_stream_payload_free(struct packet_stream_payload *pl, struct packet_stream_record *r);

/*
 * Whether p names a packet the source owns: allocated with exactly this
 * offset and size, and not in flight: its record, or NULL.
 */
struct packet_stream_record *packet_stream_source_owns(struct packet_stream_source *src,
                                                       const struct packet_descriptor *p);

/* whether [offset, offset + size) is a non-empty part of [0, limit) */
static inline bool
packet_stream_in_range(uint64_t offset, uint64_t size, uint64_t limit)
{
	return size > 0 && size <= limit && offset <= limit - size;
}

#endif /* _OS__PACKET_STREAM__INTERNAL_H_ */
