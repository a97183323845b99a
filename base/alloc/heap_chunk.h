/*
 * \brief  Private layout of heap chunks and blocks (base/alloc only)
 *
 * A shared chunk is a chunk header followed by blocks that tile the rest of
 * the chunk. Sizes and positions are counted in HEAP_ALIGN units, which
 * keeps a block header at 16 bytes on 32-bit and 64-bit machines alike and
 * every payload aligned. Each header knows its distance to the chunk
 * header and the size of the block just below it, so freeing finds the
 * chunk and both neighbours in O(1).
 */

#ifndef _BASE__ALLOC__HEAP_CHUNK_H_
#define _BASE__ALLOC__HEAP_CHUNK_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/heap.h>

enum {
	HEAP_CHUNK_MAGIC = 0x4ea9c4c5,
	HEAP_UNIT = HEAP_ALIGN,
	HEAP_MIN_UNITS = 2, /* a header and room for the free-list links */
};

enum heap_chunk_kind {
	HEAP_CHUNK_SHARED = 1,    /* tiled with blocks of many allocations */
	HEAP_CHUNK_DEDICATED = 2, /* holds a single large allocation */
};

struct heap_block {
	uint32_t tag;          /* state mixed with size and position */
	uint32_t units;        /* block size including this header */
	uint32_t prev_units;   /* size of the block just below, 0 for the first */
	uint32_t offset_units; /* distance from the chunk header */
};

struct heap_chunk {
	uint32_t magic;
	uint32_t kind;
	struct heap *owner;
	struct heap_chunk *prev, *next;
	size_t size;        /* bytes obtained from the backing */
	size_t live_blocks; /* allocated blocks in this chunk */
};

#define HEAP_ROUND_UP(x, a) (((x) + (a)-1) / (a) * (a))

enum {
	HEAP_CHUNK_HDR = HEAP_ROUND_UP(sizeof(struct heap_chunk), HEAP_UNIT),
	HEAP_FIRST_BLOCK = HEAP_CHUNK_HDR / HEAP_UNIT, /* offset_units of the first block */
};

static inline struct heap_block *
heap_block_at(struct heap_chunk *c, uint32_t offset_units)
{
	return (struct heap_block *)(void *)((char *)c + (size_t)offset_units * HEAP_UNIT);
}

static inline struct heap_chunk *
heap_block_chunk(struct heap_block *b)
{
	return (struct heap_chunk *)(void *)((char *)b - (size_t)b->offset_units * HEAP_UNIT);
}

/* one past the last unit of a shared chunk */
static inline uint32_t
heap_chunk_end(const struct heap_chunk *c)
{
	return (uint32_t)(c->size / HEAP_UNIT);
}

/* make the area of a fresh shared chunk one free block */
void heap_block_format(struct heap *h, struct heap_chunk *c);

/*
 * Take a free block of at least units, split off the rest and mark it
 * used. NULL if no free block is big enough.
 */
struct heap_block *heap_block_take(struct heap *h, uint32_t units);

/* the shared chunk of b if b is a live block of h, else NULL */
struct heap_chunk *heap_block_check(const struct heap *h, struct heap_block *b);

/* mark a live block free and merge it with free neighbours */
void heap_block_put(struct heap *h, struct heap_chunk *c, struct heap_block *b);

/* take the single free block of an empty shared chunk off the free lists */
void heap_block_unbin_chunk(struct heap *h, struct heap_chunk *c);

/* tags of a dedicated chunk's block, which never enters the free lists */
void heap_block_mark_large(struct heap_block *b);
bool heap_block_is_large(const struct heap_block *b);
void heap_block_mark_dead(struct heap_block *b);

#endif /* _BASE__ALLOC__HEAP_CHUNK_H_ */
