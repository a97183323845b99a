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
 * looking at the peer's position if the last view says no.
 * STATUS_OK with *yes, or STATUS_PROTOCOL with err filled in.
 */
status_t packet_stream_ring_writable(struct packet_stream_ring *r, const char *name, char *err,
                                     bool *yes);
status_t packet_stream_ring_readable(struct packet_stream_ring *r, const char *name, char *err,
                                     bool *yes);

/*
 * Produce p. *wake tells whether the queue was empty before, so that the
 * consumer may be waiting for it. STATUS_WOULD_BLOCK if full, STATUS_PROTOCOL.
 */
status_t packet_stream_ring_put(struct packet_stream_ring *r, const struct packet_descriptor *p,
                                const char *name, char *err, bool *wake);

/*
 * Consume the next entry into *p (unchecked). *wake tells whether the
 * queue was full before, so that the producer may be waiting for a slot.
 * STATUS_WOULD_BLOCK if empty, STATUS_PROTOCOL.
 */
status_t packet_stream_ring_take(struct packet_stream_ring *r, struct packet_descriptor *p,
                                 const char *name, char *err, bool *wake);

/* fill err with the reason; returns STATUS_PROTOCOL */
status_t packet_stream_fail(char *err, const char *fmt, ...) FORMAT_PRINTF(2, 3);

/* submit one signal if the capability is valid (a polling peer passes none) */
void packet_stream_notify(signal_context_cap_t cap);

/*
 * Wait for any signal at r: the caller's condition may have changed.
 * STATUS_WOULD_BLOCK without a receiver, STATUS_UNAVAILABLE if waiting failed.
 */
status_t packet_stream_wait(struct signal_receiver *r);

/*
 * Whether p names a packet the source owns: allocated with exactly this
 * offset and size, and not in flight.
 */
bool packet_stream_source_owns(const struct packet_stream_source *src,
                               const struct packet_descriptor *p);

/* whether [offset, offset + size) is a non-empty part of [0, limit) */
static inline bool
packet_stream_in_range(uint64_t offset, uint64_t size, uint64_t limit)
{
	return size > 0 && size <= limit && offset <= limit - size;
}

#endif /* _OS__PACKET_STREAM__INTERNAL_H_ */
