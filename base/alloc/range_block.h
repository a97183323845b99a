/*
 * \brief  Private block metadata of the range allocator (base/alloc only)
 */

#ifndef _BASE__ALLOC__RANGE_BLOCK_H_
#define _BASE__ALLOC__RANGE_BLOCK_H_

#include <util/range_alloc.h>

struct range_block {
	struct avl_node node;
	uint64_t addr;
	uint64_t size;     /* never 0 */
	uint64_t max_free; /* size of the largest free block in this subtree */
	bool used;
};

_Static_assert(sizeof(struct range_block) <= RANGE_ALLOC_META_SIZE,
               "RANGE_ALLOC_META_SIZE too small for the block metadata");

static inline struct range_block *
range_block_of(const struct avl_node *n)
{
	return n ? AVL_ENTRY(n, struct range_block, node) : NULL;
}

/* the last address of b: computed inclusively so that the top never wraps */
static inline uint64_t
range_block_last(const struct range_block *b)
{
	return b->addr + (b->size - 1);
}

static inline uint64_t
range_block_max_free(const struct avl_node *n)
{
	return n ? range_block_of(n)->max_free : 0;
}

/* the block starting at the greatest address <= addr, or NULL */
struct range_block *range_block_find_le(const struct range_alloc *ra, uint64_t addr);

/* the block starting at the smallest address >= addr, or NULL */
struct range_block *range_block_find_ge(const struct range_alloc *ra, uint64_t addr);

#endif /* _BASE__ALLOC__RANGE_BLOCK_H_ */
