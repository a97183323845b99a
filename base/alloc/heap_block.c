/*
 * \brief  Blocks inside shared heap chunks: free lists, split and merge
 *
 * Free blocks sit in segregated lists, list i holding the sizes in
 * [2^i, 2^(i+1)) units, and a bitmap tells which lists are non-empty. Any
 * block in a list above the request's own is big enough, so a fit is
 * found in O(1) unless only the request's own list could serve it. Adjacent
 * free blocks are always merged, so an entirely free chunk is one block.
 */

#include "heap_chunk.h"

enum {
	TAG_USED = 0x0b1c4a11u,
	TAG_FREE = 0x0f4ee0b1u,
	TAG_LARGE = 0x1a46eb1cu,
	TAG_DEAD = 0x0dead0b1u, /* a header swallowed by a merge */
};

/* free-list links, kept in the payload of a free block */
struct free_links {
	struct heap_block *next, *prev;
};

/*
 * The tag depends on size and position, so a header that was overwritten
 * or a pointer into the middle of a block does not pass for a live block.
 */
static uint32_t
block_tag(uint32_t state, const struct heap_block *b)
{
	return state ^ b->units ^ (b->offset_units * 0x9e3779b1u);
}

static struct free_links *
links(struct heap_block *b)
{
	return (struct free_links *)(void *)(b + 1);
}

static unsigned
floor_log2(uint32_t v)
{
	return 31u - (unsigned)__builtin_clz(v);
}

static void
bin_insert(struct heap *h, struct heap_block *b)
{
	unsigned i = floor_log2(b->units);
	struct free_links *l = links(b);

	b->tag = block_tag(TAG_FREE, b);
	l->prev = NULL;
	l->next = h->bins[i];
	if (l->next)
		links(l->next)->prev = b;
	h->bins[i] = b;
	h->bin_map |= 1u << i;
}

static void
bin_remove(struct heap *h, struct heap_block *b)
{
	unsigned i = floor_log2(b->units);
	struct free_links *l = links(b);

	if (l->prev)
		links(l->prev)->next = l->next;
	else
		h->bins[i] = l->next;
	if (l->next)
		links(l->next)->prev = l->prev;
	if (!h->bins[i])
		h->bin_map &= ~(1u << i);
}

static struct heap_block *
bin_find(const struct heap *h, uint32_t units)
{
	unsigned own = floor_log2(units);
	/* a power of two is served by any block of its own list, too */
	unsigned start = (units & (units - 1)) ? own + 1 : own;
	uint32_t map = start < 32 ? h->bin_map & ~((1u << start) - 1) : 0;

	if (map)
		return h->bins[__builtin_ctz(map)];
	for (struct heap_block *b = h->bins[own]; b; b = links(b)->next)
		if (b->units >= units)
			return b;
	return NULL;
}

/* tell the block above b (if any) how big b is now */
static void
link_above(struct heap_chunk *c, const struct heap_block *b)
{
	uint32_t above = b->offset_units + b->units;
	if (above < heap_chunk_end(c))
		heap_block_at(c, above)->prev_units = b->units;
}

void
heap_block_format(struct heap *h, struct heap_chunk *c)
{
	struct heap_block *b = heap_block_at(c, HEAP_FIRST_BLOCK);

	b->units = heap_chunk_end(c) - HEAP_FIRST_BLOCK;
	b->prev_units = 0;
	b->offset_units = HEAP_FIRST_BLOCK;
	bin_insert(h, b);
}

struct heap_block *
heap_block_take(struct heap *h, uint32_t units)
{
	struct heap_block *b = bin_find(h, units);
	if (!b)
		return NULL;

	struct heap_chunk *c = heap_block_chunk(b);
	bin_remove(h, b);
	if (b->units - units >= HEAP_MIN_UNITS) {
		struct heap_block *rest = heap_block_at(c, b->offset_units + units);
		rest->units = b->units - units;
		rest->offset_units = b->offset_units + units;
		rest->prev_units = units;
		b->units = units;
		link_above(c, rest);
		bin_insert(h, rest);
	}
	b->tag = block_tag(TAG_USED, b);
	if (c->live_blocks++ == 0 && h->spare == c)
		h->spare = NULL;
	h->used += (size_t)b->units * HEAP_UNIT;
	return b;
}

struct heap_chunk *
heap_block_check(const struct heap *h, struct heap_block *b)
{
	if (b->tag != block_tag(TAG_USED, b))
		return NULL;

	struct heap_chunk *c = heap_block_chunk(b);
	if (c->magic != HEAP_CHUNK_MAGIC || c->owner != h || c->kind != HEAP_CHUNK_SHARED)
		return NULL;
	if (b->offset_units < HEAP_FIRST_BLOCK || b->units < HEAP_MIN_UNITS)
		return NULL;
	if ((uint64_t)b->offset_units + b->units > heap_chunk_end(c))
		return NULL;
	return c;
}

static struct heap_block *
merge_below(struct heap *h, struct heap_chunk *c, struct heap_block *b)
{
	if (!b->prev_units)
		return b;

	struct heap_block *below = heap_block_at(c, b->offset_units - b->prev_units);
	if (below->tag != block_tag(TAG_FREE, below))
		return b;
	bin_remove(h, below);
	below->units += b->units;
	heap_block_mark_dead(b);
	return below;
}

static void
merge_above(struct heap *h, struct heap_chunk *c, struct heap_block *b)
{
	uint32_t pos = b->offset_units + b->units;
	if (pos >= heap_chunk_end(c))
		return;

	struct heap_block *above = heap_block_at(c, pos);
	if (above->tag != block_tag(TAG_FREE, above))
		return;
	bin_remove(h, above);
	b->units += above->units;
	heap_block_mark_dead(above);
}

void
heap_block_put(struct heap *h, struct heap_chunk *c, struct heap_block *b)
{
	h->used -= (size_t)b->units * HEAP_UNIT;
	c->live_blocks--;
	b = merge_below(h, c, b);
	merge_above(h, c, b);
	link_above(c, b);
	bin_insert(h, b);
}

void
heap_block_unbin_chunk(struct heap *h, struct heap_chunk *c)
{
	bin_remove(h, heap_block_at(c, HEAP_FIRST_BLOCK));
}

void
heap_block_mark_large(struct heap_block *b)
{
	b->tag = block_tag(TAG_LARGE, b);
}

bool
heap_block_is_large(const struct heap_block *b)
{
	return b->tag == block_tag(TAG_LARGE, b);
}

void
heap_block_mark_dead(struct heap_block *b)
{
	b->tag = block_tag(TAG_DEAD, b);
}

struct tally {
	size_t used;  /* bytes of live blocks */
	size_t free;  /* free blocks */
	size_t bytes; /* bytes of all chunks */
};

/* walk the blocks tiling a shared chunk */
static bool
chunk_ok(const struct heap_chunk *c, struct tally *t)
{
	struct heap_chunk *cc = (struct heap_chunk *)c;
	uint32_t pos = HEAP_FIRST_BLOCK, prev = 0;
	bool prev_free = false;
	size_t live = 0;

	while (pos < heap_chunk_end(c)) {
		const struct heap_block *b = heap_block_at(cc, pos);
		bool is_free = b->tag == block_tag(TAG_FREE, b);
		if (b->offset_units != pos || b->prev_units != prev || b->units < HEAP_MIN_UNITS)
			return false;
		if (b->units > heap_chunk_end(c) - pos || (is_free && prev_free))
			return false;
		if (!is_free && b->tag != block_tag(TAG_USED, b))
			return false;
		live += !is_free;
		t->free += is_free;
		t->used += is_free ? 0 : (size_t)b->units * HEAP_UNIT;
		prev_free = is_free;
		prev = b->units;
		pos += b->units;
	}
	return live == c->live_blocks;
}

static bool
one_chunk_ok(const struct heap *h, const struct heap_chunk *c, struct tally *t)
{
	if (c->magic != HEAP_CHUNK_MAGIC || c->owner != h)
		return false;
	t->bytes += c->size;
	if (c->kind == HEAP_CHUNK_SHARED)
		return chunk_ok(c, t);
	if (!heap_block_is_large(heap_block_at((struct heap_chunk *)c, HEAP_FIRST_BLOCK)))
		return false;
	t->used += c->size - HEAP_CHUNK_HDR;
	return c->kind == HEAP_CHUNK_DEDICATED && c->live_blocks == 1;
}

/* every free block is in the list of its size, and the bitmap agrees */
static bool
bins_ok(const struct heap *h, size_t free_blocks)
{
	size_t seen = 0;

	for (unsigned i = 0; i < HEAP_BINS; i++) {
		if (!h->bins[i] != !(h->bin_map & (1u << i)))
			return false;
		for (struct heap_block *b = h->bins[i]; b; b = links(b)->next) {
			if (++seen > free_blocks || floor_log2(b->units) != i)
				return false;
			if (b->tag != block_tag(TAG_FREE, b))
				return false;
		}
	}
	return seen == free_blocks;
}

bool
heap_check(const struct heap *h)
{
	struct tally t = {0, 0, 0};
	size_t chunks = 0;

	for (const struct heap_chunk *c = h->chunks; c; c = c->next) {
		if (++chunks > h->chunk_count || !one_chunk_ok(h, c, &t))
			return false;
	}
	if (h->spare && h->spare->live_blocks != 0)
		return false;
	return chunks == h->chunk_count && t.bytes == h->consumed && t.used == h->used &&
	       bins_ok(h, t.free);
}
