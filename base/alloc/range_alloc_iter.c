/*
 * \brief  Range allocator: iteration over blocks and the self-check
 */

#include "range_block.h"

static bool
block_info(const struct range_block *b, struct range_alloc_info *info)
{
	if (!b)
		return false;
	info->addr = b->addr;
	info->size = b->size;
	info->used = b->used;
	return true;
}

bool
range_alloc_block_first(const struct range_alloc *ra, struct range_alloc_info *info)
{
	return block_info(range_block_of(avl_first(&ra->tree)), info);
}

bool
range_alloc_block_next(const struct range_alloc *ra, struct range_alloc_info *info)
{
	/* look up by address, so that the block reported last may be gone */
	struct range_block *b = range_block_find_ge(ra, info->addr);

	if (b && b->addr == info->addr)
		b = range_block_of(avl_next(&b->node));
	return block_info(b, info);
}

/* what block_update in range_alloc.c should have stored */
static uint64_t
expected_max_free(const struct range_block *b)
{
	uint64_t max = b->used ? 0 : b->size;
	uint64_t l = range_block_max_free(b->node.left), r = range_block_max_free(b->node.right);
	return l > max ? (l > r ? l : r) : (r > max ? r : max);
}

/* the invariants between a block and the one just below it */
static bool
neighbours_ok(const struct range_block *below, const struct range_block *b)
{
	if (range_block_last(below) >= b->addr)
		return false;
	/* touching free blocks should have been merged */
	return below->used || b->used || range_block_last(below) + 1 != b->addr;
}

bool
range_alloc_check(const struct range_alloc *ra)
{
	const struct range_block *below = NULL;
	uint64_t managed = 0, used = 0;

	if (!avl_check(&ra->tree))
		return false;
	for (struct avl_node *n = avl_first(&ra->tree); n; n = avl_next(n)) {
		const struct range_block *b = range_block_of(n);
		if (b->size == 0 || b->size - 1 > UINT64_MAX - b->addr)
			return false;
		if (b->max_free != expected_max_free(b))
			return false;
		if (below && !neighbours_ok(below, b))
			return false;
		managed += b->size;
		used += b->used ? b->size : 0;
		below = b;
	}
	return managed == ra->managed && used == ra->used;
}
