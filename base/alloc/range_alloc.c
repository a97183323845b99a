/*
 * \brief  Range allocator: adding, removing, allocating and freeing ranges
 *
 * Invariants: blocks do not overlap, no block has size 0, and no two free
 * blocks touch (they are merged). Because free blocks are maximal, a range
 * that is entirely free lies inside a single free block, which makes every
 * exact-address operation a lookup of one block.
 */

#include "range_block.h"

static int
block_compare(const struct avl_node *a, const struct avl_node *b)
{
	uint64_t x = range_block_of(a)->addr, y = range_block_of(b)->addr;
	return x < y ? -1 : x > y;
}

static int
key_compare(const void *key, const struct avl_node *n)
{
	uint64_t x = *(const uint64_t *)key, y = range_block_of(n)->addr;
	return x < y ? -1 : x > y;
}

/* keep the largest free size of each subtree, for the first-fit search */
static void
block_update(struct avl_node *n)
{
	struct range_block *b = range_block_of(n);
	uint64_t max = b->used ? 0 : b->size;
	uint64_t l = range_block_max_free(n->left), r = range_block_max_free(n->right);

	if (l > max)
		max = l;
	if (r > max)
		max = r;
	b->max_free = max;
}

struct range_block *
range_block_find_le(const struct range_alloc *ra, uint64_t addr)
{
	return range_block_of(avl_find_le(&ra->tree, &addr, key_compare));
}

struct range_block *
range_block_find_ge(const struct range_alloc *ra, uint64_t addr)
{
	return range_block_of(avl_find_ge(&ra->tree, &addr, key_compare));
}

status_t
range_alloc_init(struct range_alloc *ra, struct slab *meta)
{
	if (!meta || slab_object_size(meta) < sizeof(struct range_block))
		return STATUS_INVALID_ARGS;
	avl_init(&ra->tree, block_compare, block_update);
	ra->meta = meta;
	ra->managed = ra->used = 0;
	return STATUS_OK;
}

static void
block_release(void *ctx, struct avl_node *n)
{
	struct range_alloc *ra = ctx;
	slab_free(ra->meta, range_block_of(n));
}

void
range_alloc_destroy(struct range_alloc *ra)
{
	avl_clear(&ra->tree, block_release, ra);
	ra->managed = ra->used = 0;
}

/* metadata for one more block; any failure of the slab is lack of metadata */
static status_t
block_new(struct range_alloc *ra, struct range_block **out)
{
	void *mem = NULL;
	if (slab_alloc(ra->meta, &mem) != STATUS_OK)
		return STATUS_OUT_OF_MEMORY;
	*out = mem;
	return STATUS_OK;
}

static void
block_link(struct range_alloc *ra, struct range_block *b, uint64_t addr, uint64_t size, bool used)
{
	b->addr = addr;
	b->size = size;
	b->used = used;
	avl_node_init(&b->node);
	/* cannot conflict: the callers link only into space no block covers */
	avl_insert(&ra->tree, &b->node);
}

static void
block_unlink(struct range_alloc *ra, struct range_block *b)
{
	avl_remove(&ra->tree, &b->node);
	slab_free(ra->meta, b);
}

static void
block_changed(struct range_alloc *ra, struct range_block *b)
{
	avl_node_changed(&ra->tree, &b->node);
}

/* [base, base + size) as base and inclusive last; false if size is 0 or it wraps */
static bool
range_valid(uint64_t base, uint64_t size, uint64_t *last)
{
	if (size == 0 || size - 1 > UINT64_MAX - base)
		return false;
	*last = base + (size - 1);
	return true;
}

/*
 * Find the free block covering [base, last]. Otherwise report what the
 * range runs into first, going up from base: an allocated block
 * (STATUS_CONFLICT) or unmanaged space (STATUS_NOT_FOUND).
 */
static status_t
free_cover(const struct range_alloc *ra, uint64_t base, uint64_t last, struct range_block **out)
{
	struct range_block *b = range_block_find_le(ra, base);

	if (!b || range_block_last(b) < base)
		return STATUS_NOT_FOUND;
	if (b->used)
		return STATUS_CONFLICT;
	if (last <= range_block_last(b)) {
		*out = b;
		return STATUS_OK;
	}
	/* b is maximal, so the space just above it is used or unmanaged */
	struct range_block *above = range_block_of(avl_next(&b->node));
	if (above && above->addr == range_block_last(b) + 1)
		return STATUS_CONFLICT;
	return STATUS_NOT_FOUND;
}

status_t
range_alloc_add(struct range_alloc *ra, uint64_t base, uint64_t size)
{
	uint64_t last;
	struct range_block *b = NULL;

	if (!range_valid(base, size, &last) || size > UINT64_MAX - ra->managed)
		return STATUS_INVALID_ARGS;

	struct range_block *below = range_block_find_le(ra, base);
	struct range_block *above = range_block_find_ge(ra, base);
	if ((below && range_block_last(below) >= base) || (above && above->addr <= last))
		return STATUS_CONFLICT;

	bool join_below = below && !below->used && range_block_last(below) + 1 == base;
	bool join_above = above && !above->used && last + 1 == above->addr;
	if (join_below && join_above) {
		below->size += size + above->size;
		block_unlink(ra, above);
		block_changed(ra, below);
	} else if (join_below) {
		below->size += size;
		block_changed(ra, below);
	} else if (join_above) {
		/* the new start keeps the block's place in the order */
		above->addr = base;
		above->size += size;
		block_changed(ra, above);
	} else {
		if (block_new(ra, &b) != STATUS_OK)
			return STATUS_OUT_OF_MEMORY;
		block_link(ra, b, base, size, false);
	}
	ra->managed += size;
	return STATUS_OK;
}

status_t
range_alloc_remove(struct range_alloc *ra, uint64_t base, uint64_t size)
{
	uint64_t last;
	struct range_block *f = NULL, *rest = NULL;

	if (!range_valid(base, size, &last))
		return STATUS_INVALID_ARGS;
	status_t st = free_cover(ra, base, last, &f);
	if (st != STATUS_OK)
		return st;

	uint64_t f_last = range_block_last(f);
	bool below = base > f->addr, above = last < f_last;
	if (below && above && block_new(ra, &rest) != STATUS_OK)
		return STATUS_OUT_OF_MEMORY;

	if (below) {
		f->size = base - f->addr;
		block_changed(ra, f);
	} else if (above) {
		f->addr = last + 1;
		f->size = f_last - last;
		block_changed(ra, f);
	} else {
		block_unlink(ra, f);
	}
	if (rest)
		block_link(ra, rest, last + 1, f_last - last, false);
	ra->managed -= size;
	return STATUS_OK;
}

/*
 * Make [addr, addr + size) a used block inside the free block f covering
 * it. All metadata is obtained before anything changes.
 */
static status_t
carve(struct range_alloc *ra, struct range_block *f, uint64_t addr, uint64_t size)
{
	uint64_t last = addr + (size - 1), f_last = range_block_last(f);
	bool below = addr > f->addr, above = last < f_last;
	struct range_block *u = f, *rest = NULL;

	if (below && block_new(ra, &u) != STATUS_OK)
		return STATUS_OUT_OF_MEMORY;
	if (above && block_new(ra, &rest) != STATUS_OK) {
		if (below)
			slab_free(ra->meta, u);
		return STATUS_OUT_OF_MEMORY;
	}

	if (below) {
		f->size = addr - f->addr;
		block_changed(ra, f);
		block_link(ra, u, addr, size, true);
	} else {
		f->size = size;
		f->used = true;
		block_changed(ra, f);
	}
	if (above)
		block_link(ra, rest, last + 1, f_last - last, false);
	ra->used += size;
	return STATUS_OK;
}

status_t
range_alloc_alloc_at(struct range_alloc *ra, uint64_t addr, uint64_t size)
{
	uint64_t last;
	struct range_block *f = NULL;

	if (!range_valid(addr, size, &last))
		return STATUS_INVALID_ARGS;
	status_t st = free_cover(ra, addr, last, &f);
	return st == STATUS_OK ? carve(ra, f, addr, size) : st;
}

/* the lowest start in free block b aligned by mask that leaves size bytes */
static bool
block_fits(const struct range_block *b, uint64_t size, uint64_t mask, uint64_t *start)
{
	uint64_t s = b->addr, last = range_block_last(b);

	if (s & mask) {
		if ((s | mask) == UINT64_MAX)
			return false;
		s = (s | mask) + 1;
	}
	if (s > last || last - s < size - 1)
		return false;
	*start = s;
	return true;
}

/*
 * In-order walk over the blocks that skips every subtree whose largest
 * free block is too small. Iterative, with the parent links of the tree.
 */
static struct range_block *
first_fit(const struct range_alloc *ra, uint64_t size, uint64_t mask, uint64_t *start)
{
	struct avl_node *n = ra->tree.root;
	bool descend = true; /* entering n from above, its left side not yet seen */

	while (n) {
		if (descend && range_block_max_free(n->left) >= size) {
			n = n->left;
			continue;
		}
		struct range_block *b = range_block_of(n);
		if (!b->used && block_fits(b, size, mask, start))
			return b;
		if (range_block_max_free(n->right) >= size) {
			n = n->right;
			descend = true;
			continue;
		}
		/* subtree done: climb to the first ancestor reached from its left */
		while (n->parent && n == n->parent->right)
			n = n->parent;
		n = n->parent;
		descend = false;
	}
	return NULL;
}

status_t
range_alloc_alloc_aligned(struct range_alloc *ra, uint64_t size, unsigned align_log2,
                          uint64_t *addr)
{
	uint64_t start = 0;

	if (size == 0 || align_log2 > 63 || !addr)
		return STATUS_INVALID_ARGS;

	struct range_block *f = first_fit(ra, size, ((uint64_t)1 << align_log2) - 1, &start);
	if (!f)
		return STATUS_NOT_FOUND;
	status_t st = carve(ra, f, start, size);
	if (st == STATUS_OK)
		*addr = start;
	return st;
}

status_t
range_alloc_free(struct range_alloc *ra, uint64_t addr)
{
	struct range_block *b = range_block_of(avl_find(&ra->tree, &addr, key_compare));
	if (!b || !b->used)
		return STATUS_NOT_FOUND;

	ra->used -= b->size;
	b->used = false;
	struct range_block *below = range_block_of(avl_prev(&b->node));
	if (below && !below->used && range_block_last(below) + 1 == b->addr) {
		below->size += b->size;
		block_unlink(ra, b);
		b = below;
	}
	struct range_block *above = range_block_of(avl_next(&b->node));
	if (above && !above->used && range_block_last(b) + 1 == above->addr) {
		b->size += above->size;
		block_unlink(ra, above);
	}
	block_changed(ra, b);
	return STATUS_OK;
}

status_t
range_alloc_size_at(const struct range_alloc *ra, uint64_t addr, uint64_t *size)
{
	struct range_block *b = range_block_of(avl_find(&ra->tree, &addr, key_compare));
	if (!b || !b->used)
		return STATUS_NOT_FOUND;
	*size = b->size;
	return STATUS_OK;
}
