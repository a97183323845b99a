/*
 * \brief  General-purpose heap over a backing store of large chunks
 *
 * The heap never asks the system for memory itself. It obtains chunks from
 * a backing-store callback and carves them into blocks. In a component the
 * backing allocates a RAM dataspace and attaches it to the address space,
 * so every chunk counts against the component's RAM quota, and a refusal
 * of the backing surfaces as the status of heap_alloc.
 *
 * Chunk sizes grow exponentially from HEAP_CHUNK_MIN to HEAP_CHUNK_MAX. A
 * fixed chunk size would need many chunks for a big heap, and on base-linux
 * each chunk is a file descriptor (Genode 10.05 hit the 1024-fd limit that
 * way). A request that does not fit into a chunk of the maximum size gets a
 * dedicated chunk, which goes back to the backing as soon as it is freed.
 * A shared chunk that becomes entirely free is kept as a spare, and a
 * second one is returned to the backing, so that memory flows back to the
 * quota without thrashing on a single alloc/free pair.
 *
 * Every pointer handed out is aligned to HEAP_ALIGN. Each block carries a
 * tagged header, so heap_free rejects a double free and a pointer that did
 * not come from this heap (detection is best effort: a pointer into memory
 * that is not readable still faults).
 *
 * The heap is not thread-safe; the caller serialises access.
 */

#ifndef _INCLUDE__BASE__HEAP_H_
#define _INCLUDE__BASE__HEAP_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/status.h>

/*
 * Supplier of large chunks, shared by the heap and the slab allocator.
 *
 * alloc_chunk stores the address of size fresh bytes at *addr, aligned to at
 * least HEAP_ALIGN, or returns why not (typically STATUS_QUOTA_EXCEEDED or
 * STATUS_OUT_OF_MEMORY; the status is passed on to the allocating caller).
 * free_chunk takes back exactly an addr and size that alloc_chunk produced.
 * ctx is passed to both and is borrowed: it must outlive every user.
 */
struct heap_backing {
	status_t (*alloc_chunk)(void *ctx, size_t size, void **addr);
	void (*free_chunk)(void *ctx, void *addr, size_t size);
	void *ctx;
};

enum {
	HEAP_ALIGN = 16,
	HEAP_CHUNK_MIN = 16 * 1024,
	/* 4 MiB on 32-bit and 8 MiB on 64-bit machines, as Genode since 10.05 */
	HEAP_CHUNK_MAX = 1024 * 1024 * (int)sizeof(void *),
	HEAP_BINS = 32,
};

struct heap_chunk; /* private */
struct heap_block; /* private */

struct heap {
	struct heap_backing backing;
	struct heap_chunk *chunks;          /* every chunk obtained, doubly linked */
	struct heap_chunk *spare;           /* an entirely free shared chunk, or NULL */
	struct heap_block *bins[HEAP_BINS]; /* free blocks by log2 of their size */
	uint32_t bin_map;                   /* bit i set: bins[i] is not empty */
	size_t next_chunk_size;
	size_t consumed; /* bytes currently held from the backing */
	size_t used;     /* bytes of blocks handed out, headers included */
	size_t chunk_count;
};

/*
 * Make heap empty. backing is copied, its ctx is borrowed. No chunk is
 * obtained before the first heap_alloc. STATUS_INVALID_ARGS if a callback
 * is missing.
 */
status_t heap_init(struct heap *heap, const struct heap_backing *backing);

/*
 * Allocate size bytes (not cleared) and store their address at *ptr. The
 * caller owns the memory until heap_free or heap_destroy.
 * STATUS_INVALID_ARGS for size 0; the backing's status (e.g.
 * STATUS_QUOTA_EXCEEDED) when it refuses a chunk; STATUS_OUT_OF_MEMORY if
 * size is beyond what any chunk could hold. On failure *ptr is untouched.
 */
status_t heap_alloc(struct heap *heap, size_t size, void **ptr);

/*
 * Give back a block obtained from heap_alloc. STATUS_INVALID_ARGS for NULL,
 * a double free or a pointer that is not the start of a live block of this
 * heap; the heap is unchanged then.
 */
status_t heap_free(struct heap *heap, void *ptr);

/*
 * The most heap_used grows by for a block of size bytes (header, rounding,
 * a remainder too small to split), so that a server can charge a client
 * for a block before it allocates it. Blocks beyond a shared chunk's room
 * take a dedicated chunk and are not covered.
 */
static inline size_t
heap_block_cost(size_t size)
{
	size_t units = (size + HEAP_ALIGN - 1) / HEAP_ALIGN + 1; /* payload and header */
	if (units < 2)
		units = 2;
	return (units + 1) * HEAP_ALIGN; /* + a remainder of one unit left unsplit */
}

/* bytes currently obtained from the backing */
static inline size_t
heap_consumed(const struct heap *heap)
{
	return heap->consumed;
}

/* bytes of live blocks, including their headers and rounding */
static inline size_t
heap_used(const struct heap *heap)
{
	return heap->used;
}

static inline size_t
heap_chunk_count(const struct heap *heap)
{
	return heap->chunk_count;
}

/*
 * Verify chunk tiling, neighbour links, tags, free lists and counters in
 * O(size of the heap), for tests and debugging.
 */
bool heap_check(const struct heap *heap);

/*
 * Return every chunk to the backing. Blocks still allocated become
 * invalid. The heap is empty afterwards and may be used again.
 */
void heap_destroy(struct heap *heap);

#endif /* _INCLUDE__BASE__HEAP_H_ */
