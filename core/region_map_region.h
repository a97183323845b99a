/*
 * \brief  Private to the region map: the record of one attached region
 *
 * A region is linked three ways: into its map's tree (lookup by address),
 * into its dataspace's attachment list (detach everywhere when the
 * dataspace goes), and, when it shows another region map, into its map's
 * list of nested regions (nesting checks walk only those).
 */

#ifndef _CORE__REGION_MAP_REGION_H_
#define _CORE__REGION_MAP_REGION_H_

#include "region_map.h"

struct region {
	struct avl_node node;       /* in map->regions, by base */
	struct list_elem ds_elem;   /* in ds->attachments */
	struct list_elem nest_elem; /* in map->nested if ds->managed */
	struct region_map *map;
	struct dataspace *ds; /* borrowed */
	uint64_t base;
	uint64_t size;
	uint64_t offset; /* of base within ds */
};

_Static_assert(sizeof(struct region) <= REGION_MAP_META_SIZE, "region record too large");
_Static_assert((int)RANGE_ALLOC_META_SIZE <= (int)REGION_MAP_META_SIZE, "range block too large");

/* the region of rm that contains addr, or NULL */
struct region *region_map_region_find(const struct region_map *rm, uint64_t addr);

/*
 * The free range of rm around addr, which no region contains:
 * [*first, *last], inclusive, inside rm.
 */
void region_map_hole(const struct region_map *rm, uint64_t addr, uint64_t *first, uint64_t *last);

/*
 * STATUS_OK if sub may be attached into rm: STATUS_DENIED if sub is rm or
 * shows rm (directly or through other maps), or if the longest chain of
 * maps through the new region would exceed REGION_MAP_NESTING_MAX.
 */
status_t region_map_nest_check(const struct region_map *rm, const struct region_map *sub);

/* maps on the longest chain from rm inwards, rm included */
unsigned region_map_nest_height(const struct region_map *rm);

/* maps on the longest chain from an outermost map down to rm, rm included */
unsigned region_map_nest_depth(const struct region_map *rm);

#endif /* _CORE__REGION_MAP_REGION_H_ */
