/*
 * \brief  Heap over a backing store: chunk policy and the public calls
 *
 * This file decides when to ask the backing for a chunk, how big it is and
 * when to give one back; heap_block.c manages the blocks inside chunks.
 */

#include "heap_chunk.h"

status_t
heap_init(struct heap *h, const struct heap_backing *backing)
{
	if (!backing || !backing->alloc_chunk || !backing->free_chunk)
		return STATUS_INVALID_ARGS;
	h->backing = *backing;
	h->chunks = h->spare = NULL;
	for (unsigned i = 0; i < HEAP_BINS; i++)
		h->bins[i] = NULL;
	h->bin_map = 0;
	h->next_chunk_size = HEAP_CHUNK_MIN;
	h->consumed = h->used = h->chunk_count = 0;
	return STATUS_OK;
}

static status_t
chunk_obtain(struct heap *h, size_t size, enum heap_chunk_kind kind, struct heap_chunk **out)
{
	void *mem = NULL;
	status_t st = h->backing.alloc_chunk(h->backing.ctx, size, &mem);
	if (st != STATUS_OK)
		return st;
	if (!mem || (uintptr_t)mem % HEAP_ALIGN) {
		/* a backing that breaks its contract gets its memory back */
		if (mem)
			h->backing.free_chunk(h->backing.ctx, mem, size);
		return STATUS_OUT_OF_MEMORY;
	}

	struct heap_chunk *c = mem;
	c->magic = HEAP_CHUNK_MAGIC;
	c->kind = kind;
	c->owner = h;
	c->size = size;
	c->live_blocks = 0;
	c->prev = NULL;
	c->next = h->chunks;
	if (c->next)
		c->next->prev = c;
	h->chunks = c;
	h->consumed += size;
	h->chunk_count++;
	*out = c;
	return STATUS_OK;
}

static void
chunk_release(struct heap *h, struct heap_chunk *c)
{
	if (c->prev)
		c->prev->next = c->next;
	else
		h->chunks = c->next;
	if (c->next)
		c->next->prev = c->prev;
	c->magic = 0;
	h->consumed -= c->size;
	h->chunk_count--;
	h->backing.free_chunk(h->backing.ctx, c, c->size);
}

static size_t
pow2_at_least(size_t start, size_t need)
{
	while (start < need)
		start *= 2;
	return start;
}

/*
 * Add a shared chunk that can hold a block of units. The size follows the
 * exponential growth; if the backing refuses that, the smallest chunk
 * that fits is tried, because the rest of a quota may still cover it.
 */
static status_t
grow(struct heap *h, uint32_t units)
{
	size_t need = HEAP_CHUNK_HDR + (size_t)units * HEAP_UNIT;
	size_t size = pow2_at_least(h->next_chunk_size, need);
	size_t least = pow2_at_least(HEAP_CHUNK_MIN, need);
	struct heap_chunk *c = NULL;

	status_t st = chunk_obtain(h, size, HEAP_CHUNK_SHARED, &c);
	if (st == STATUS_OK) {
		if (size < HEAP_CHUNK_MAX)
			h->next_chunk_size = size * 2;
	} else if (least < size) {
		st = chunk_obtain(h, least, HEAP_CHUNK_SHARED, &c);
	}
	if (st == STATUS_OK)
		heap_block_format(h, c);
	return st;
}

/* a request too big for a shared chunk gets a chunk of its own */
static status_t
alloc_dedicated(struct heap *h, size_t size, void **ptr)
{
	struct heap_chunk *c = NULL;

	if (size > SIZE_MAX - HEAP_CHUNK_HDR - 2 * HEAP_UNIT)
		return STATUS_OUT_OF_MEMORY;
	size_t bytes = HEAP_CHUNK_HDR + HEAP_UNIT + HEAP_ROUND_UP(size, (size_t)HEAP_UNIT);
	status_t st = chunk_obtain(h, bytes, HEAP_CHUNK_DEDICATED, &c);
	if (st != STATUS_OK)
		return st;

	struct heap_block *b = heap_block_at(c, HEAP_FIRST_BLOCK);
	b->units = 0; /* the size is in the chunk, it may exceed 32 bits of units */
	b->prev_units = 0;
	b->offset_units = HEAP_FIRST_BLOCK;
	heap_block_mark_large(b);
	c->live_blocks = 1;
	h->used += bytes - HEAP_CHUNK_HDR;
	*ptr = b + 1;
	return STATUS_OK;
}

status_t
heap_alloc(struct heap *h, size_t size, void **ptr)
{
	if (size == 0 || !ptr)
		return STATUS_INVALID_ARGS;
	if (size > HEAP_CHUNK_MAX - HEAP_CHUNK_HDR - HEAP_UNIT)
		return alloc_dedicated(h, size, ptr);

	uint32_t units = (uint32_t)((size + HEAP_UNIT - 1) / HEAP_UNIT + 1);
	if (units < HEAP_MIN_UNITS)
		units = HEAP_MIN_UNITS;

	struct heap_block *b = heap_block_take(h, units);
	if (!b) {
		status_t st = grow(h, units);
		if (st != STATUS_OK)
			return st;
		b = heap_block_take(h, units);
	}
	*ptr = b + 1;
	return STATUS_OK;
}

static status_t
free_dedicated(struct heap *h, struct heap_block *b)
{
	struct heap_chunk *c = heap_block_chunk(b);

	if (b->offset_units != HEAP_FIRST_BLOCK || c->magic != HEAP_CHUNK_MAGIC || c->owner != h ||
	    c->kind != HEAP_CHUNK_DEDICATED)
		return STATUS_INVALID_ARGS;
	heap_block_mark_dead(b);
	h->used -= c->size - HEAP_CHUNK_HDR;
	chunk_release(h, c);
	return STATUS_OK;
}

/*
 * Keep one entirely free chunk, the bigger one of two, so that a workload
 * that frees and allocates around a chunk boundary does not make the
 * backing map and unmap a dataspace each time.
 */
static void
chunk_emptied(struct heap *h, struct heap_chunk *c)
{
	if (!h->spare) {
		h->spare = c;
		return;
	}
	struct heap_chunk *drop = c;
	if (c->size > h->spare->size) {
		drop = h->spare;
		h->spare = c;
	}
	heap_block_unbin_chunk(h, drop);
	chunk_release(h, drop);
}

status_t
heap_free(struct heap *h, void *ptr)
{
	if (!ptr || (uintptr_t)ptr % HEAP_ALIGN)
		return STATUS_INVALID_ARGS;

	struct heap_block *b = (struct heap_block *)ptr - 1;
	if (heap_block_is_large(b))
		return free_dedicated(h, b);

	struct heap_chunk *c = heap_block_check(h, b);
	if (!c)
		return STATUS_INVALID_ARGS;
	heap_block_put(h, c, b);
	if (c->live_blocks == 0)
		chunk_emptied(h, c);
	return STATUS_OK;
}

void
heap_destroy(struct heap *h)
{
	struct heap_backing backing = h->backing;

	while (h->chunks)
		chunk_release(h, h->chunks);
	heap_init(h, &backing);
}
