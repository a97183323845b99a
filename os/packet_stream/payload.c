/*
 * \brief  Packet stream: the source's payload allocator
 *
 * Packets are allocated and released in about the order they are
 * submitted and acknowledged, so the payload area is used as a ring: a
 * new packet goes after the last one (or to the start of the area when it
 * does not fit before the end), and space comes back when the lowest
 * packet is released. Positions are virtual (offset = position % size), so
 * that the packets in use always lie in [tail, head) with head - tail <=
 * size, and a sorted array of records (position, size, state) describes
 * them: allocating and releasing in ring order touches the array's ends
 * only, a lookup by offset is a binary search. This replaces two AVL range
 * allocators (a quarter of the per-packet time, doc/packet_stream.md).
 * Out-of-order use still works: records in the middle are marked free, and
 * a packet that does not fit after head goes into the first gap between
 * packets in use (a slow path), so a packet held for long does not stop
 * the ring.
 */

#include <util/string.h>

#include "internal.h"

enum { RECORDS_MIN = 64 };

status_t
packet_stream_payload_init(struct packet_stream_payload *pl, uint64_t size,
                           const struct heap_backing *backing)
{
	mem_set(pl, 0, sizeof(*pl));
	pl->backing = *backing;
	pl->size = size;
	return STATUS_OK;
}

void
packet_stream_payload_destroy(struct packet_stream_payload *pl)
{
	if (pl->rec)
		pl->backing.free_chunk(pl->backing.ctx, pl->rec, pl->cap * sizeof(*pl->rec));
	pl->rec = NULL;
	pl->cap = pl->first = pl->end = 0;
}

/* room for one more record at the end: move the window down or double the array */
static status_t
make_room(struct packet_stream_payload *pl)
{
	uint32_t n = pl->end - pl->first;

	if (pl->end < pl->cap)
		return STATUS_OK;
	if (pl->first > 0 && pl->first >= pl->cap / 2) {
		mem_move(pl->rec, pl->rec + pl->first, n * sizeof(*pl->rec));
		pl->first = 0;
		pl->end = n;
		return STATUS_OK;
	}
	uint32_t cap = pl->cap ? 2 * pl->cap : RECORDS_MIN;
	size_t bytes = (size_t)cap * sizeof(*pl->rec);
	void *fresh;
	if (cap < pl->cap || bytes / sizeof(*pl->rec) != cap) /* a 32-bit size_t too */
		return STATUS_OUT_OF_MEMORY;
	status_t s = pl->backing.alloc_chunk(pl->backing.ctx, bytes, &fresh);
	if (s != STATUS_OK)
		return s;
	if (pl->rec) {
		mem_copy(fresh, pl->rec + pl->first, n * sizeof(*pl->rec));
		pl->backing.free_chunk(pl->backing.ctx, pl->rec, pl->cap * sizeof(*pl->rec));
	}
	pl->rec = fresh;
	pl->cap = cap;
	pl->first = 0;
	pl->end = n;
	return STATUS_OK;
}

/*
 * The first position at or after from (at from_offset in its lap) where
 * size bytes aligned to mask + 1 fit before the end of the area, in this
 * lap or at the start of the next; its offset into *offset.
 */
static uint64_t
place(const struct packet_stream_payload *pl, uint64_t from, uint64_t from_offset, uint64_t size,
      uint64_t mask, uint64_t *offset)
{
	uint64_t lap = from - from_offset;
	uint64_t at = (from_offset + mask) & ~mask;

	if (at < from_offset || at > pl->size - size) {
		*offset = 0; /* offset 0 is aligned for any alignment */
		return lap + pl->size;
	}
	*offset = at;
	return lap + at;
}

/* drop freed records in the window (the slow path only) */
static void
compact(struct packet_stream_payload *pl)
{
	uint32_t to = pl->first;

	for (uint32_t i = pl->first; i < pl->end; i++)
		if (pl->rec[i].state != PACKET_STREAM_REC_FREE)
			pl->rec[to++] = pl->rec[i];
	pl->end = to;
}

/* the slow path: the first gap between two packets in use that holds one; index or end */
static uint32_t
find_gap(struct packet_stream_payload *pl, uint64_t size, uint64_t mask, uint64_t *at,
         uint64_t *offset)
{
	compact(pl);
	for (uint32_t i = pl->first; i + 1 < pl->end; i++) {
		struct packet_stream_record *r = &pl->rec[i];
		*at = place(pl, r->at + r->size, r->offset + r->size, size, mask, offset);
		if (*at + size <= pl->rec[i + 1].at)
			return i + 1;
	}
	return pl->end;
}

status_t
packet_stream_payload_alloc(struct packet_stream_payload *pl, uint64_t size, unsigned align_log2,
                            uint64_t *offset)
{
	if (size == 0 || align_log2 > 63)
		return STATUS_INVALID_ARGS;
	if (size > pl->size)
		return STATUS_OUT_OF_MEMORY;
	uint64_t mask = ((uint64_t)1 << align_log2) - 1, at, off;
	if (pl->count == 0) {
		pl->first = pl->end = 0;
		pl->head = pl->tail = pl->head_offset = 0;
	}
	status_t s = make_room(pl);
	if (s != STATUS_OK)
		return s;
	uint32_t i = pl->end;
	at = place(pl, pl->head, pl->head_offset, size, mask, &off);
	if (pl->count > 0 && at + size - pl->tail > pl->size) {
		i = find_gap(pl, size, mask, &at, &off);
		if (i == pl->end)
			return STATUS_OUT_OF_MEMORY;
		mem_move(pl->rec + i + 1, pl->rec + i, (pl->end - i) * sizeof(*pl->rec));
	} else {
		pl->head = at + size;
		pl->head_offset = off + size;
	}
	if (pl->count == 0)
		pl->tail = at;
	pl->rec[i] = (struct packet_stream_record){at, off, size, PACKET_STREAM_REC_OWNED};
	pl->end++;
	pl->count++;
	*offset = off;
	return STATUS_OK;
}

static struct packet_stream_record *
matching(struct packet_stream_record *r, uint64_t size)
{
	return r->size == size && r->state != PACKET_STREAM_REC_FREE ? r : NULL;
}

struct packet_stream_record *
packet_stream_payload_find(struct packet_stream_payload *pl, uint64_t offset, uint64_t size)
{
	if (pl->count == 0 || offset >= pl->size)
		return NULL;
	/* in ring order, the newest (just allocated) and the lowest (acked) are asked most */
	if (pl->rec[pl->end - 1].offset == offset)
		return matching(&pl->rec[pl->end - 1], size);
	if (pl->rec[pl->first].offset == offset)
		return matching(&pl->rec[pl->first], size);
	/* the one position in [tail, tail + size) with this offset */
	uint64_t tail_offset = pl->rec[pl->first].offset;
	uint64_t at = pl->tail + (offset >= tail_offset ? offset - tail_offset
	                                                : offset + pl->size - tail_offset);
	uint32_t lo = pl->first, hi = pl->end;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (pl->rec[mid].at < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == pl->end || pl->rec[lo].at != at)
		return NULL;
	return matching(&pl->rec[lo], size);
}

/* keep positions small: move everything down by whole laps once tail passed one */
static void
rebase(struct packet_stream_payload *pl)
{
	uint64_t laps = pl->tail - pl->rec[pl->first].offset;

	if (laps == 0)
		return;
	for (uint32_t i = pl->first; i < pl->end; i++)
		pl->rec[i].at -= laps;
	pl->tail -= laps;
	pl->head -= laps;
}

void
packet_stream_payload_free(struct packet_stream_payload *pl, struct packet_stream_record *r)
{
	r->state = PACKET_STREAM_REC_FREE;
	pl->count--;
	while (pl->first < pl->end && pl->rec[pl->first].state == PACKET_STREAM_REC_FREE)
		pl->first++;
	while (pl->end > pl->first && pl->rec[pl->end - 1].state == PACKET_STREAM_REC_FREE)
		pl->end--;
	if (pl->count == 0)
		return;
	struct packet_stream_record *last = &pl->rec[pl->end - 1];
	pl->tail = pl->rec[pl->first].at;
	pl->head = last->at + last->size;
	pl->head_offset = last->offset + last->size;
	rebase(pl);
}
