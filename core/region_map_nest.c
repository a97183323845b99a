/*
 * \brief  Region map: the rules for nesting managed dataspaces
 *
 * Maps that show each other form a directed graph: an edge runs from a map
 * to every map attached in it. Refusing an attach that would close a
 * cycle keeps the graph acyclic, and bounding the longest chain keeps every
 * lookup (and these checks themselves) within REGION_MAP_NESTING_MAX
 * steps, so the recursion below is bounded by that constant.
 */

#include "region_map_region.h"

unsigned
region_map_nest_height(const struct region_map *rm)
{
	unsigned h = 0;
	list_for_each(e, &rm->nested)
	{
		const struct region *r = list_entry(e, struct region, nest_elem);
		unsigned sub = region_map_nest_height(r->ds->managed);
		h = sub > h ? sub : h;
	}
	return h + 1;
}

unsigned
region_map_nest_depth(const struct region_map *rm)
{
	unsigned d = 0;
	list_for_each(e, &rm->ds.attachments)
	{
		const struct region *r = list_entry(e, struct region, ds_elem);
		unsigned outer = region_map_nest_depth(r->map);
		d = outer > d ? outer : d;
	}
	return d + 1;
}

/* whether outer is rm or shows rm, directly or through other maps */
static bool
region_map_shows(const struct region_map *outer, const struct region_map *rm)
{
	if (outer == rm)
		return true;
	list_for_each(e, &rm->ds.attachments)
	{
		const struct region *r = list_entry(e, struct region, ds_elem);
		if (region_map_shows(outer, r->map))
			return true;
	}
	return false;
}

status_t
region_map_nest_check(const struct region_map *rm, const struct region_map *sub)
{
	if (region_map_shows(sub, rm))
		return STATUS_DENIED;
	if (region_map_nest_depth(rm) + region_map_nest_height(sub) > REGION_MAP_NESTING_MAX)
		return STATUS_DENIED;
	return STATUS_OK;
}

bool
region_map_would_cycle(const struct region_map *rm, const struct region_map *sub)
{
	return region_map_shows(sub, rm);
}
