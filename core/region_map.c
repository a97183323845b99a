/*
 * \brief  Region map: attach, detach, life cycle
 *
 * Each region has one record from the slab; the range allocator's blocks
 * mirror the regions as used blocks. attach validates everything first,
 * then takes the address range (the range allocator reports a conflict
 * before it needs metadata, and obtains all metadata before it changes
 * anything), then the record, so the only undo ever needed is freeing
 * the range again, which merges the free space back as it was.
 */

#include "region_map_region.h"

enum { PAGE_MASK = DATASPACE_PAGE_SIZE - 1 };

static int
region_compare(const struct avl_node *a, const struct avl_node *b)
{
	uint64_t x = AVL_ENTRY(a, struct region, node)->base;
	uint64_t y = AVL_ENTRY(b, struct region, node)->base;
	return x < y ? -1 : x > y;
}

static int
region_key_compare(const void *key, const struct avl_node *node)
{
	uint64_t x = *(const uint64_t *)key;
	uint64_t y = AVL_ENTRY(node, struct region, node)->base;
	return x < y ? -1 : x > y;
}

status_t
region_map_init(struct region_map *rm, uint64_t base, uint64_t size, struct slab *meta)
{
	/* the inclusive end base + size - 1 must not pass 2^64 - 1 */
	if (!meta || slab_object_size(meta) < REGION_MAP_META_SIZE || size == 0 ||
	    ((base | size) & PAGE_MASK) || size - 1 > UINT64_MAX - base)
		return STATUS_INVALID_ARGS;

	status_t st = range_alloc_init(&rm->free, meta);
	if (st == STATUS_OK)
		st = range_alloc_add(&rm->free, base, size);
	if (st != STATUS_OK)
		return st;

	dataspace_init(&rm->ds, size, 0);
	rm->ds.managed = rm;
	avl_init(&rm->regions, region_compare, 0);
	list_init(&rm->nested);
	rm->meta = meta;
	rm->base = base;
	rm->size = size;
	return STATUS_OK;
}

struct region *
region_map_region_find(const struct region_map *rm, uint64_t addr)
{
	struct avl_node *n = avl_find_le(&rm->regions, &addr, region_key_compare);
	if (!n)
		return 0;
	struct region *r = AVL_ENTRY(n, struct region, node);
	return addr - r->base < r->size ? r : 0;
}

void
region_map_hole(const struct region_map *rm, uint64_t addr, uint64_t *first, uint64_t *last)
{
	struct avl_node *n = avl_find_le(&rm->regions, &addr, region_key_compare);
	struct avl_node *next = n ? avl_next(n) : avl_first(&rm->regions);
	*first = rm->base;
	*last = rm->base + (rm->size - 1);
	if (n) {
		const struct region *r = AVL_ENTRY(n, struct region, node);
		*first = r->base + r->size;
	}
	if (next)
		*last = AVL_ENTRY(next, struct region, node)->base - 1;
}

/* unlink r everywhere and give back its address range and record */
static void
region_release(struct region *r)
{
	struct region_map *rm = r->map;

	avl_remove(&rm->regions, &r->node);
	list_remove(&r->ds_elem);
	list_remove(&r->nest_elem);
	/* cannot fail: r->base starts a used block of exactly this region */
	(void)range_alloc_free(&rm->free, r->base);
	(void)slab_free(rm->meta, r);
}

void
region_map_destroy(struct region_map *rm)
{
	region_map_detach_everywhere(&rm->ds);
	for (struct avl_node *n; (n = avl_first(&rm->regions));)
		region_release(AVL_ENTRY(n, struct region, node));
	range_alloc_destroy(&rm->free);
}

status_t
region_map_detach(struct region_map *rm, uint64_t addr)
{
	struct region *r = region_map_region_find(rm, addr);
	if (!r)
		return STATUS_NOT_FOUND;
	region_release(r);
	return STATUS_OK;
}

void
region_map_detach_everywhere(struct dataspace *ds)
{
	for (struct list_elem *e; (e = list_first(&ds->attachments));)
		region_release(list_entry(e, struct region, ds_elem));
}

/* the page-rounded size of the region, as Genode derives it */
static status_t
region_size(const struct dataspace *ds, uint64_t size, uint64_t offset, uint64_t *out)
{
	if (!ds || (offset & PAGE_MASK) || offset > ds->size)
		return STATUS_INVALID_ARGS;
	if (size == 0)
		size = ds->size - offset;
	if (size == 0 || size > UINT64_MAX - PAGE_MASK)
		return STATUS_INVALID_ARGS;
	size = (size + PAGE_MASK) & ~(uint64_t)PAGE_MASK;
	if (size > ds->size - offset)
		return STATUS_INVALID_ARGS;
	*out = size;
	return STATUS_OK;
}

static status_t
region_check_at(const struct region_map *rm, uint64_t addr, uint64_t size)
{
	if ((addr & PAGE_MASK) || addr < rm->base || size > rm->size ||
	    addr - rm->base > rm->size - size)
		return STATUS_INVALID_ARGS;
	return STATUS_OK;
}

static unsigned
log2_floor(uint64_t v)
{
	unsigned l = 0;
	while (v >>= 1)
		l++;
	return l;
}

/*
 * Natural alignment first, as Genode does: a region aligned to its size
 * can be mapped with the largest pages the platform has. Less alignment
 * is tried only when the space cannot offer more.
 */
static status_t
region_alloc_anywhere(struct region_map *rm, uint64_t size, uint64_t *addr)
{
	for (unsigned a = log2_floor(size); a >= DATASPACE_PAGE_SIZE_LOG2; a--) {
		status_t st = range_alloc_alloc_aligned(&rm->free, size, a, addr);
		if (st != STATUS_NOT_FOUND)
			return st;
	}
	return STATUS_CONFLICT;
}

static status_t
region_alloc_range(struct region_map *rm, uint64_t size, struct region_map_at at, uint64_t *addr)
{
	if (at.anywhere)
		return region_alloc_anywhere(rm, size, addr);

	/* inside the map, so the allocator can only report overlap or metadata */
	status_t st = range_alloc_alloc_at(&rm->free, at.addr, size);
	if (st == STATUS_OK)
		*addr = at.addr;
	return st;
}

status_t
region_map_attach(struct region_map *rm, struct dataspace *ds, uint64_t size, uint64_t offset,
                  struct region_map_at at, uint64_t *addr)
{
	status_t st = region_size(ds, size, offset, &size);
	if (st == STATUS_OK && !at.anywhere)
		st = region_check_at(rm, at.addr, size);
	if (st == STATUS_OK && ds->managed)
		st = region_map_nest_check(rm, ds->managed);
	if (st != STATUS_OK)
		return st;

	/* the range first, so that a conflict is reported as such */
	uint64_t base = 0;
	st = region_alloc_range(rm, size, at, &base);
	if (st != STATUS_OK)
		return st;
	void *obj;
	if (slab_alloc(rm->meta, &obj) != STATUS_OK) {
		/* merges back, so the free space is laid out as before */
		(void)range_alloc_free(&rm->free, base);
		return STATUS_OUT_OF_MEMORY;
	}

	struct region *r = obj;
	*r = (struct region){.map = rm, .ds = ds, .base = base, .size = size, .offset = offset};
	avl_node_init(&r->node);
	/* cannot conflict: the range allocator just handed out base */
	(void)avl_insert(&rm->regions, &r->node);
	list_insert_tail(&ds->attachments, &r->ds_elem);
	if (ds->managed)
		list_insert_tail(&rm->nested, &r->nest_elem);
	*addr = base;
	return STATUS_OK;
}
