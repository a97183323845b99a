/*
 * \brief  Packet stream: bulk data between two components over one dataspace
 *
 * A source and a sink share one memory region (a dataspace attached by
 * both). It holds a submit queue (source -> sink) and an acknowledgement
 * queue (sink -> source) of fixed-size packet descriptors, and a payload
 * area. A descriptor names offset and size of its payload inside that
 * area, so data is never copied by the stream: the source allocates
 * payload space, fills it, submits the descriptor; the sink gets it, works
 * on the payload in place, acknowledges it; the source gets the ack back
 * and releases the space. Block sessions and NIC sessions carry their
 * requests this way; the opaque op area of a descriptor is theirs.
 *
 * The peer may be hostile, and everything in the region can change under
 * us at any time. So each side keeps its own queue positions privately,
 * reads each of the peer's positions once into a local copy and validates
 * it, copies a descriptor out before validating it, and checks every
 * received descriptor against what it may name. A violation makes that
 * side stop using the stream: the call and every later one returns
 * STATUS_PROTOCOL, and packet_stream_{source,sink}_error() names what was
 * wrong. Nothing outside the region is ever read or written because of
 * its contents.
 *
 * Ownership of a packet's payload (see doc/packet_stream.md):
 *   allocated (source_alloc_packet)      the source's
 *   submitted (source_submit)            the sink's, from source_submit
 *                                        until the sink acknowledges it
 *   acked (source_get_acked)             the source's again (results)
 *   released (source_release)            nobody's, may be reallocated
 * "The sink's" includes the time the packet waits in the submit queue.
 * A hostile peer may of course scribble on payload it does not own; what
 * the stream guarantees is that each side stays memory-safe.
 *
 * Signals: the caller passes in the peer's signal-context capabilities
 * (BORROWED, to submit to) and optionally a receiver holding this side's
 * own contexts (for the blocking calls). A side that finds nothing to do
 * (a query says no, a call says STATUS_WOULD_BLOCK, a blocking call is
 * about to sleep) leaves a wish in the region, and the peer signals only
 * when its move passes a wish (virtio's event index): once per wait, not
 * per packet, and never to a side that keeps up. So a side must look
 * once more (and see "no") before it sleeps: a handler's loop that ends
 * on a query or a WOULD_BLOCK does. Each side is used by one thread.
 */

#ifndef _INCLUDE__OS__PACKET_STREAM_H_
#define _INCLUDE__OS__PACKET_STREAM_H_

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/heap.h>
#include <base/signal.h>
#include <base/status.h>

enum {
	PACKET_STREAM_OP_WORDS = 4,        /* opaque 64-bit words per descriptor */
	PACKET_STREAM_QUEUE_MAX = 1 << 16, /* queue entries at most */
	PACKET_STREAM_CACHE_LINE = 64,
	PACKET_STREAM_PAYLOAD_ALIGN = 4096, /* offset of the payload area in the region */
	PACKET_STREAM_ERROR_MAX = 96,
	PACKET_STREAM_MAGIC = 0x5053544d, /* "PSTM" */
};

/*
 * A packet as the API hands it around (a private copy, never a pointer
 * into the region). offset and size locate the payload inside the payload
 * area; op belongs to the session protocol (operation, block number,
 * result, cookie) and is passed through unchanged and unchecked.
 */
struct packet_descriptor {
	uint64_t offset;
	uint64_t size;
	uint64_t op[PACKET_STREAM_OP_WORDS];
};

/* ---- the shared region; both sides compute it from the same arguments ---- */

/* one descriptor in a queue; words read and written one by one, never twice */
struct packet_stream_slot {
	_Atomic uint64_t word[2 + PACKET_STREAM_OP_WORDS];
};

/*
 * One side's line of a queue, written by that side only: its position,
 * and its wake-up wish ("event", as virtio's event index): signal me
 * once your position passes this one. A waiting consumer asks to be
 * woken when head passes tail + n - 1 (n entries there), a waiting
 * producer when tail passes head - size (a slot free). The peer reads the
 * wish only to decide whether to signal: a bogus one costs its writer its
 * own wake-ups, or the reader one signal per update at most.
 */
struct packet_stream_index {
	_Atomic uint32_t value;
	_Atomic uint32_t event;
	uint8_t pad[PACKET_STREAM_CACHE_LINE - 2 * sizeof(_Atomic uint32_t)];
};

/*
 * A queue's control block; its slots follow it. Positions run freely
 * modulo 2^32 (slot = position % size): head (and the producer's wish)
 * is written by the producer only, tail (and the consumer's wish) by the
 * consumer only, and head - tail is the fill level.
 */
struct packet_stream_queue {
	struct packet_stream_index head;
	struct packet_stream_index tail;
};

/* written by the source at init, checked once by the sink at init */
struct packet_stream_header {
	_Atomic uint32_t magic;
	_Atomic uint32_t queue_size;
	_Atomic uint64_t payload_size;
	uint8_t pad[PACKET_STREAM_CACHE_LINE - 16];
};

/* the layout is part of the protocol: both sides, any compiler, any ABI */
_Static_assert(sizeof(struct packet_descriptor) == 48, "descriptor: 6 words");
_Static_assert(sizeof(struct packet_stream_slot) == 48, "slot: 6 words");
_Static_assert(sizeof(struct packet_stream_index) == PACKET_STREAM_CACHE_LINE, "index line");
_Static_assert(sizeof(struct packet_stream_queue) == 2 * PACKET_STREAM_CACHE_LINE, "queue");
_Static_assert(sizeof(struct packet_stream_header) == PACKET_STREAM_CACHE_LINE, "header");
/*
 * another process maps the same words: an atomic that needs a lock would
 * not be one. Asked of the _Atomic types themselves: clang's
 * ATOMIC_LLONG_LOCK_FREE says "sometimes" on i386, where a plain long long
 * may lie on 4 bytes, but _Atomic uint64_t lies on 8 and uses cmpxchg8b.
 */
_Static_assert(__atomic_always_lock_free(sizeof(_Atomic uint32_t), 0),
               "32-bit atomics must be lock-free");
_Static_assert(__atomic_always_lock_free(sizeof(_Atomic uint64_t), 0),
               "64-bit atomics must be lock-free");

/*
 * Where the parts lie, as byte offsets from the region's base:
 * header | submit queue + slots | ack queue + slots | payload area,
 * each part starting on a cache line, the payload on PACKET_STREAM_PAYLOAD_ALIGN.
 */
struct packet_stream_layout {
	uint32_t queue_size;
	size_t submit_offset;
	size_t ack_offset;
	size_t payload_offset;
	uint64_t payload_size;
};

/*
 * Compute the layout of a region of region_size bytes with queues of
 * queue_size entries (a power of two, 1 .. PACKET_STREAM_QUEUE_MAX).
 * STATUS_INVALID_ARGS for a bad queue size or a region that leaves no
 * payload byte.
 */
status_t packet_stream_layout(size_t region_size, uint32_t queue_size,
                              struct packet_stream_layout *out);

/* ---- one side's private view of one queue ---- */

struct packet_stream_ring {
	struct packet_stream_queue *queue; /* in the region */
	struct packet_stream_slot *slots;  /* in the region */
	uint32_t size;                     /* ours, never read from the region */
	uint32_t own;                      /* our position, only ever written there */
	uint32_t peer;                     /* the peer's position as last validated */
	uint32_t notified;                 /* our position when we last read the peer's wish */
};

/* ---- source ---- */

/* the source's record of one packet it allocated (os/packet_stream/payload.c) */
enum {
	PACKET_STREAM_REC_FREE,     /* released, waiting to be dropped */
	PACKET_STREAM_REC_OWNED,    /* allocated, or acked: the source's */
	PACKET_STREAM_REC_INFLIGHT, /* submitted and not yet got back */
};

struct packet_stream_record {
	uint64_t at;     /* virtual position */
	uint64_t offset; /* at % payload size, kept to spare the divisions */
	uint64_t size;
	uint64_t state;
};

/* the payload area used as a ring, with the packets in use in a sorted array */
struct packet_stream_payload {
	struct heap_backing backing; /* for the array; its ctx borrowed */
	struct packet_stream_record *rec;
	uint32_t cap, first, end; /* rec[first .. end) in use, sorted by at */
	uint32_t count;           /* records not free */
	uint64_t size;            /* of the payload area */
	uint64_t tail, head;      /* every packet lies in [tail, head); head - tail <= size */
	uint64_t head_offset;     /* head - its lap (may be size) */
};

struct packet_stream_source_signals {
	signal_context_cap_t packet_avail; /* the sink's: submit queue became non-empty */
	signal_context_cap_t ready_to_ack; /* the sink's: ack queue is no longer full */
	/*
	 * Ours, for the blocking calls: a receiver holding our ack_avail and
	 * ready_to_submit contexts (and nothing else: its signals are taken).
	 * NULL: the blocking calls return STATUS_WOULD_BLOCK instead of waiting.
	 */
	struct signal_receiver *receiver;
};

struct packet_stream_source {
	uint8_t *base;
	struct packet_stream_layout layout;
	struct packet_stream_ring submit; /* we produce */
	struct packet_stream_ring ack;    /* we consume */
	struct packet_stream_source_signals sig;
	struct packet_stream_payload payload; /* allocated: owned by us or in flight */
	uint32_t in_flight;
	bool broken;
	char error[PACKET_STREAM_ERROR_MAX];
};

/*
 * Take the region [base, base + size) (aligned to PACKET_STREAM_CACHE_LINE)
 * and format it: header, empty queues. The sink attaches afterwards.
 * backing supplies the metadata of the payload allocator (copied, its ctx
 * borrowed). sig is copied; its capabilities are borrowed and must stay
 * valid while the source is used. STATUS_INVALID_ARGS for a bad layout or
 * base, or the backing's status.
 */
status_t packet_stream_source_init(struct packet_stream_source *src, void *base, size_t size,
                                   uint32_t queue_size, const struct heap_backing *backing,
                                   const struct packet_stream_source_signals *sig);

/* give the allocator metadata back; the region is left as it is */
void packet_stream_source_destroy(struct packet_stream_source *src);

/*
 * Allocate size bytes (>= 1) of payload at a multiple of 2^align_log2
 * into *p (op cleared). STATUS_OUT_OF_MEMORY if the payload area has no
 * such space now (acks free space), STATUS_INVALID_ARGS for size 0, or the
 * backing's status for lack of metadata.
 */
status_t packet_stream_source_alloc_packet(struct packet_stream_source *src, uint64_t size,
                                           unsigned align_log2, struct packet_descriptor *p);

/*
 * The payload of a packet we allocated, or NULL if p does not name one
 * exactly. Written before submit, read after get_acked.
 */
void *packet_stream_source_packet_content(struct packet_stream_source *src,
                                          const struct packet_descriptor *p);

/* whether a submit would not block now (STATUS_PROTOCOL counts as yes); no: wish for a slot */
bool packet_stream_source_ready_to_submit(struct packet_stream_source *src);

/*
 * Hand an allocated packet to the sink: from now on it is the sink's.
 * STATUS_WOULD_BLOCK if the submit queue is full, STATUS_INVALID_ARGS if
 * p is not a packet we own (not allocated, already submitted, other
 * size), STATUS_PROTOCOL.
 */
status_t packet_stream_source_submit(struct packet_stream_source *src,
                                     const struct packet_descriptor *p);

/*
 * The same without signalling the sink: a batch of submits costs at most
 * one packet_avail, sent by packet_stream_source_flush() after the last.
 * The source's blocking calls flush before they wait; otherwise the
 * caller must flush before it turns to other work, or the sink may sleep
 * on packets that are there.
 */
status_t packet_stream_source_submit_deferred(struct packet_stream_source *src,
                                              const struct packet_descriptor *p);

/* signal packet_avail if the sink asked for a packet submitted (deferred) since */
void packet_stream_source_flush(struct packet_stream_source *src);

/* the same as submit, waiting for ready_to_submit while the queue is full */
status_t packet_stream_source_submit_blocking(struct packet_stream_source *src,
                                              const struct packet_descriptor *p);

/* whether an ack is waiting (STATUS_PROTOCOL counts as yes); no: wish for the next */
bool packet_stream_source_ack_avail(struct packet_stream_source *src);

/*
 * Take the next acknowledged packet into *p; it is ours again and must be
 * released. Its op area is what the sink wrote (untrusted). An ack that
 * names no packet in flight (offset and size exactly) is STATUS_PROTOCOL.
 * STATUS_WOULD_BLOCK if there is none.
 */
status_t packet_stream_source_get_acked(struct packet_stream_source *src,
                                        struct packet_descriptor *p);

/* the same, waiting for ack_avail while there is none */
status_t packet_stream_source_get_acked_blocking(struct packet_stream_source *src,
                                                 struct packet_descriptor *p);

/*
 * Wait until at least want acks are waiting (want is capped by the
 * packets in flight and the queue size), after a flush; *avail (if not
 * NULL) tells how many are, so many get_acked calls succeed. The sink is
 * asked to signal ack_avail once, when the want-th ack is there, instead
 * of at the first: a source that needs room waits for a batch (say half
 * of what is in flight) and pays one wake-up for it. Only for sinks that
 * acknowledge what they got without waiting for more packets first.
 * want 0: count what is there, wait for nothing. STATUS_OK,
 * STATUS_WOULD_BLOCK without a receiver, STATUS_PROTOCOL.
 */
status_t packet_stream_source_wait_acks(struct packet_stream_source *src, uint32_t want,
                                        uint32_t *avail);

/*
 * Free the payload of a packet we own (acked, or allocated and never
 * submitted). STATUS_INVALID_ARGS for anything else, in flight included.
 */
status_t packet_stream_source_release(struct packet_stream_source *src,
                                      const struct packet_descriptor *p);

/*
 * Packets submitted and not yet got back. Keeping it at most the queue
 * size guarantees that the ack queue never fills, so a sink never waits
 * in acknowledge while we wait in submit (the one deadlock of the scheme).
 */
static inline uint32_t
packet_stream_source_in_flight(const struct packet_stream_source *src)
{
	return src->in_flight;
}

/*
 * The payload area less the span from the lowest packet in use to the end
 * of the newest (the whole area when none is): what the ring has left
 * before gaps between packets in use are searched.
 */
static inline uint64_t
packet_stream_source_payload_avail(const struct packet_stream_source *src)
{
	return src->payload.count == 0
	               ? src->payload.size
	               : src->payload.size - (src->payload.head - src->payload.tail);
}

/* what made the source stop, or "" */
const char *packet_stream_source_error(const struct packet_stream_source *src);

/* ---- sink ---- */

struct packet_stream_sink_signals {
	signal_context_cap_t ack_avail;       /* the source's: ack queue became non-empty */
	signal_context_cap_t ready_to_submit; /* the source's: submit queue no longer full */
	/* ours: holding our packet_avail and ready_to_ack contexts, or NULL */
	struct signal_receiver *receiver;
};

struct packet_stream_sink {
	uint8_t *base;
	struct packet_stream_layout layout;
	struct packet_stream_ring submit; /* we consume */
	struct packet_stream_ring ack;    /* we produce */
	struct packet_stream_sink_signals sig;
	uint64_t held; /* got and not yet acknowledged */
	bool broken;
	char error[PACKET_STREAM_ERROR_MAX];
};

/*
 * Attach to a region the source formatted, with the same size and queue
 * size. The header is checked once against them: STATUS_PROTOCOL if it
 * does not match (the sink is broken then), STATUS_INVALID_ARGS for a bad
 * layout or base.
 */
status_t packet_stream_sink_init(struct packet_stream_sink *sink, void *base, size_t size,
                                 uint32_t queue_size, const struct packet_stream_sink_signals *sig);

/* whether a packet is waiting (STATUS_PROTOCOL counts as yes); no: wish for the next */
bool packet_stream_sink_packet_avail(struct packet_stream_sink *sink);

/*
 * Take the next submitted packet into *p. Its offset and size are checked
 * to lie in the payload area (STATUS_PROTOCOL otherwise); its op area is
 * the source's (untrusted). STATUS_WOULD_BLOCK if there is none.
 */
status_t packet_stream_sink_get_packet(struct packet_stream_sink *sink,
                                       struct packet_descriptor *p);

/* the same, waiting for packet_avail while there is none */
status_t packet_stream_sink_get_packet_blocking(struct packet_stream_sink *sink,
                                                struct packet_descriptor *p);

/* the payload of p, or NULL if p does not lie in the payload area */
void *packet_stream_sink_packet_content(struct packet_stream_sink *sink,
                                        const struct packet_descriptor *p);

/* whether an acknowledge would not block now (PROTOCOL counts as yes); no: wish for a slot */
bool packet_stream_sink_ready_to_ack(struct packet_stream_sink *sink);

/*
 * Give a packet we got back to the source (op may carry results); the
 * payload is no longer ours. STATUS_WOULD_BLOCK if the ack queue is full,
 * STATUS_INVALID_ARGS if we hold no packet or p lies outside the payload
 * area, STATUS_PROTOCOL.
 */
status_t packet_stream_sink_acknowledge(struct packet_stream_sink *sink,
                                        const struct packet_descriptor *p);

/*
 * The same without signalling the source: a batch of acks costs at most
 * one ack_avail, sent by packet_stream_sink_flush() after the last. The
 * sink's blocking calls flush before they wait; otherwise the caller must
 * flush before it turns to other work, or the source may sleep on acks
 * that are there.
 */
status_t packet_stream_sink_acknowledge_deferred(struct packet_stream_sink *sink,
                                                 const struct packet_descriptor *p);

/* signal ack_avail if the source asked for an ack given (deferred) since */
void packet_stream_sink_flush(struct packet_stream_sink *sink);

/* the same as acknowledge, waiting for ready_to_ack while the queue is full */
status_t packet_stream_sink_acknowledge_blocking(struct packet_stream_sink *sink,
                                                 const struct packet_descriptor *p);

/* what made the sink stop, or "" */
const char *packet_stream_sink_error(const struct packet_stream_sink *sink);

#endif /* _INCLUDE__OS__PACKET_STREAM_H_ */
