/*
 * \brief  Range allocator: hands out parts of an address space
 *
 * The role of Genode's Allocator_avl: core manages physical memory, virtual
 * ranges and the regions of a region map with it. The managed space is a
 * set of ranges added with range_alloc_add; the allocator cuts blocks out
 * of it. Addresses are uint64_t on every machine, so one allocator serves
 * 32-bit and 64-bit spaces, and a range may end at the very top (2^64 - 1)
 * because ends are computed inclusively and never overflow.
 *
 * All blocks, free and used, sit in one AVL tree ordered by address. Each
 * node also knows the largest free block in its subtree, which lets the
 * search for a free block skip whole subtrees. Adjacent free blocks are
 * always merged, so the layout depends only on what is used.
 *
 * Block metadata is allocated from a caller-provided slab (no malloc), whose
 * objects must be at least RANGE_ALLOC_META_SIZE bytes. An operation that
 * needs metadata obtains all of it before changing anything, so running out
 * fails with STATUS_OUT_OF_MEMORY and leaves the allocator as it was.
 * Freeing never needs metadata and never fails for lack of it.
 *
 * Not thread-safe; the caller serialises access.
 */

#ifndef _INCLUDE__UTIL__RANGE_ALLOC_H_
#define _INCLUDE__UTIL__RANGE_ALLOC_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/slab.h>
#include <base/status.h>
#include <util/avl.h>

/* a slab object size that fits the metadata of one block on any machine */
enum { RANGE_ALLOC_META_SIZE = 64 };

struct range_alloc {
	struct avl_tree tree; /* all blocks by address */
	struct slab *meta;    /* borrowed */
	uint64_t managed;     /* bytes added and not removed */
	uint64_t used;        /* bytes in used blocks */
};

/* what iteration reports about one block */
struct range_alloc_info {
	uint64_t addr;
	uint64_t size;
	bool used;
};

/*
 * Make ra empty. meta is borrowed and must outlive ra; it may be shared by
 * several allocators. STATUS_INVALID_ARGS if its objects are smaller than
 * RANGE_ALLOC_META_SIZE.
 */
status_t range_alloc_init(struct range_alloc *ra, struct slab *meta);

/*
 * Return the metadata of every block to the slab. The allocator is empty
 * afterwards (no ranges) and may be used again.
 */
void range_alloc_destroy(struct range_alloc *ra);

/*
 * Add [base, base + size) to the managed space; it merges with free
 * neighbours. STATUS_INVALID_ARGS for size 0, a range past 2^64 or a
 * total managed size that would exceed 2^64 - 1 bytes; STATUS_CONFLICT
 * if any part is managed already; STATUS_OUT_OF_MEMORY for lack of metadata.
 */
status_t range_alloc_add(struct range_alloc *ra, uint64_t base, uint64_t size);

/*
 * Take [base, base + size) out of the managed space; all of it must be
 * free. STATUS_INVALID_ARGS for size 0 or a range past 2^64. Otherwise,
 * going up from base, the first address that is not free decides:
 * STATUS_CONFLICT if it is allocated, STATUS_NOT_FOUND if it is not
 * managed. STATUS_OUT_OF_MEMORY for lack of metadata (when the range cuts
 * a free block in two). In O(log n).
 */
status_t range_alloc_remove(struct range_alloc *ra, uint64_t base, uint64_t size);

/*
 * Allocate size bytes at the lowest address that is a multiple of
 * 2^align_log2 (first fit by address) and store it at *addr.
 * STATUS_INVALID_ARGS for size 0 or align_log2 > 63; STATUS_NOT_FOUND if
 * no free block can hold it; STATUS_OUT_OF_MEMORY for lack of metadata.
 *
 * Cost: O(log n) to find the first free block of at least size bytes.
 * Free blocks that are big enough but cannot hold an aligned start are
 * skipped one by one at O(log n) each, so a heavily fragmented space with
 * large alignments can cost more.
 */
status_t range_alloc_alloc_aligned(struct range_alloc *ra, uint64_t size, unsigned align_log2,
                                   uint64_t *addr);

static inline status_t
range_alloc_alloc(struct range_alloc *ra, uint64_t size, uint64_t *addr)
{
	return range_alloc_alloc_aligned(ra, size, 0, addr);
}

/*
 * Allocate exactly [addr, addr + size). STATUS_INVALID_ARGS for size 0 or
 * a range past 2^64. Otherwise, going up from addr, the first address that
 * is not free decides: STATUS_CONFLICT if it is allocated,
 * STATUS_NOT_FOUND if it is not managed. STATUS_OUT_OF_MEMORY for lack of
 * metadata. In O(log n).
 */
status_t range_alloc_alloc_at(struct range_alloc *ra, uint64_t addr, uint64_t size);

/*
 * Free the used block that starts at addr. STATUS_NOT_FOUND if no used
 * block starts there (never allocated, already freed, or an address inside
 * a block). In O(log n).
 */
status_t range_alloc_free(struct range_alloc *ra, uint64_t addr);

/* size of the used block starting at addr; STATUS_NOT_FOUND if none */
status_t range_alloc_size_at(const struct range_alloc *ra, uint64_t addr, uint64_t *size);

/* free bytes in the managed space */
static inline uint64_t
range_alloc_avail(const struct range_alloc *ra)
{
	return ra->managed - ra->used;
}

/*
 * Iterate over all blocks, free and used, in address order:
 *
 *   struct range_alloc_info b;
 *   for (bool more = range_alloc_block_first(ra, &b); more;
 *        more = range_alloc_block_next(ra, &b)) ...
 *
 * next continues with the first block above info->addr, so the allocator
 * may be changed between the calls (e.g. to free each used block).
 * Each returns false when there is no such block.
 */
bool range_alloc_block_first(const struct range_alloc *ra, struct range_alloc_info *info);
bool range_alloc_block_next(const struct range_alloc *ra, struct range_alloc_info *info);

/*
 * Verify the tree, the merged free blocks, the subtree summaries and the
 * byte counters in O(n), for tests and debugging.
 */
bool range_alloc_check(const struct range_alloc *ra);

#endif /* _INCLUDE__UTIL__RANGE_ALLOC_H_ */
