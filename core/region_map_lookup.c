/*
 * \brief  Region map: resolving an address, and the consistency check
 *
 * Every level of nesting only shifts addresses, so the lookup carries the
 * window it may map as an interval in the current level's coordinates and
 * shifts it along; the shift back to the outermost map is the difference
 * between the looked-up address and the final offset. Unsigned arithmetic
 * wraps consistently, and the true values always lie within 64 bits.
 */

#include "region_map_region.h"

/* step from region r, which contains *a, into its dataspace's offsets */
static void
lookup_enter(const struct region *r, uint64_t *a, uint64_t *first, uint64_t *last)
{
	uint64_t r_last = r->base + (r->size - 1);
	if (*first < r->base)
		*first = r->base;
	if (*last > r_last)
		*last = r_last;
	*a = *a - r->base + r->offset;
	*first = *first - r->base + r->offset;
	*last = *last - r->base + r->offset;
}

/* narrow the window [*first, *last] to the hole of m around a */
static void
lookup_hole(const struct region_map *m, uint64_t a, uint64_t *first, uint64_t *last)
{
	uint64_t hole_first = 0, hole_last = 0;
	region_map_hole(m, a, &hole_first, &hole_last);
	if (*first < hole_first)
		*first = hole_first;
	if (*last > hole_last)
		*last = hole_last;
}

status_t
region_map_lookup(const struct region_map *rm, uint64_t addr, struct region_map_lookup *out)
{
	if (addr < rm->base || addr - rm->base >= rm->size)
		return STATUS_INVALID_ARGS;

	uint64_t a = addr, first = 0, last = UINT64_MAX;
	const struct region_map *m = rm;
	/* the bound holds by construction; the loop limit only guards it */
	for (unsigned depth = 1; depth <= REGION_MAP_NESTING_MAX; depth++) {
		out->map = m;
		out->addr = a;
		out->depth = depth;
		const struct region *r = region_map_region_find(m, a);
		if (!r) {
			lookup_hole(m, a, &first, &last);
			out->window_first = first + (addr - a);
			out->window_last = last + (addr - a);
			return STATUS_NOT_FOUND;
		}
		lookup_enter(r, &a, &first, &last);
		if (!r->ds->managed) {
			out->ds = r->ds;
			out->offset = a;
			out->window_first = first + (addr - a);
			out->window_last = last + (addr - a);
			return STATUS_OK;
		}
		m = r->ds->managed;
		a += m->base;
		first += m->base;
		last += m->base;
	}
	out->window_first = out->window_last = addr;
	return STATUS_NOT_FOUND;
}

static bool
region_check_one(const struct region_map *rm, const struct region *r)
{
	uint64_t block = 0;
	return r->map == rm && r->size && r->base >= rm->base &&
	       r->base - rm->base <= rm->size - r->size && r->offset <= r->ds->size &&
	       r->size <= r->ds->size - r->offset && list_elem_linked(&r->ds_elem) &&
	       list_elem_linked(&r->nest_elem) == (r->ds->managed != 0) &&
	       range_alloc_size_at(&rm->free, r->base, &block) == STATUS_OK && block == r->size;
}

bool
region_map_check(const struct region_map *rm)
{
	if (!avl_check(&rm->regions) || !range_alloc_check(&rm->free) || rm->ds.managed != rm ||
	    rm->ds.size != rm->size)
		return false;

	uint64_t used = 0, next_free = rm->base;
	unsigned long nested = 0;
	for (struct avl_node *n = avl_first(&rm->regions); n; n = avl_next(n)) {
		const struct region *r = AVL_ENTRY(n, struct region, node);
		if (!region_check_one(rm, r) || r->base < next_free)
			return false;
		next_free = r->base + r->size; /* may wrap only for the last region */
		used += r->size;
		nested += r->ds->managed != 0;
	}
	return used == rm->free.used && nested == list_count(&rm->nested) &&
	       region_map_nest_depth(rm) + region_map_nest_height(rm) - 1 <= REGION_MAP_NESTING_MAX;
}
