/*
 * \brief  Region map: which dataspace is visible where in an address range
 *
 * The kernel-independent part of Genode's RM session. A region map covers
 * [base, base + size) and keeps the attached regions; page-fault
 * resolution asks region_map_lookup which dataspace, and which offset in
 * it, backs a faulting address. The free space is a range allocator, the
 * regions sit in an AVL tree by start address.
 *
 * A region map is itself a dataspace (its member ds, the "managed
 * dataspace"): attaching it into another map makes its content appear
 * there, and lookups descend through such nesting. Nesting is bounded at
 * attach time, so that a lookup never walks more than
 * REGION_MAP_NESTING_MAX maps and a cycle can never arise.
 *
 * Metadata (region records and the range allocator's blocks) comes from a
 * caller-provided slab whose objects are at least REGION_MAP_META_SIZE
 * bytes; in core its backing is paid from the RM session's donated quota.
 * An attach that runs out of it fails with STATUS_OUT_OF_MEMORY and leaves
 * the map as it was (a conflict is still reported as STATUS_CONFLICT, so
 * that a caller does not donate more quota for a request that cannot
 * work). Detaching never needs metadata.
 *
 * Ownership: the caller owns struct region_map, the slab and every
 * attached dataspace; a region only borrows its dataspace, and the
 * dataspace's owner must call region_map_detach_everywhere before freeing
 * it. Not thread-safe; the caller serialises access.
 */

#ifndef _CORE__REGION_MAP_H_
#define _CORE__REGION_MAP_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/slab.h>
#include <base/status.h>
#include <util/avl.h>
#include <util/list.h>
#include <util/range_alloc.h>

#include "dataspace.h"

enum {
	/* slab objects must hold a region record and a range-allocator block */
	REGION_MAP_META_SIZE = 128,
	/* maps a lookup may pass through, the outermost one included */
	REGION_MAP_NESTING_MAX = 4,
};

struct region_map {
	struct dataspace ds; /* the managed dataspace showing this map */
	struct range_alloc free;
	struct avl_tree regions; /* struct region (private) by start address */
	struct list nested;      /* the regions that show another region map */
	struct slab *meta;       /* borrowed */
	uint64_t base;
	uint64_t size;
};

/* where region_map_attach puts a region */
struct region_map_at {
	bool anywhere; /* true: the map picks the address, addr is ignored */
	uint64_t addr; /* page-aligned start otherwise */
};

/* what region_map_lookup found for an address */
struct region_map_lookup {
	/*
	 * On success the innermost map and the address in it. On
	 * STATUS_NOT_FOUND the map in which nothing is attached there (a
	 * fault to be reflected to that map's fault handler) and the address
	 * in that map.
	 */
	const struct region_map *map;
	uint64_t addr;
	struct dataspace *ds; /* a dataspace that is not a region map */
	uint64_t offset;      /* of the address within ds */
	/*
	 * The largest window around the looked-up address, in the outermost
	 * map's coordinates, that shows ds contiguously (what may be mapped
	 * at once); last is inclusive so the window may end at 2^64 - 1. On
	 * STATUS_NOT_FOUND the largest window around it that shows nothing
	 * (what may stay unmapped at once).
	 */
	uint64_t window_first;
	uint64_t window_last;
	unsigned depth; /* maps passed, the outermost one included */
};

/*
 * Make rm an empty map of [base, base + size), both page-aligned and size
 * not 0 (else STATUS_INVALID_ARGS, also for a slab whose objects are
 * smaller than REGION_MAP_META_SIZE). meta is borrowed and may be shared.
 * STATUS_OUT_OF_MEMORY if the slab cannot provide the first block.
 */
status_t region_map_init(struct region_map *rm, uint64_t base, uint64_t size, struct slab *meta);

/*
 * Detach every region of rm, detach rm's own dataspace from every map that
 * shows it, and return all metadata to the slab.
 */
void region_map_destroy(struct region_map *rm);

/*
 * Attach size bytes of ds starting at offset, as Genode's attach: a size of
 * 0 means the rest of ds from offset, and size is rounded up to pages.
 * Anywhere picks the lowest address of the largest natural alignment (up to
 * the size) that fits, which keeps large mappings large.
 * Results and the address at *addr:
 *   STATUS_INVALID_ARGS  ds NULL, offset or at-address not page-aligned,
 *                        offset + size beyond ds, a region of 0 bytes,
 *                        or the range lies (partly) outside the map
 *   STATUS_CONFLICT      overlaps a region, or no free space anywhere
 *   STATUS_DENIED        ds is this map or one that shows it (a cycle),
 *                        or the nesting would exceed REGION_MAP_NESTING_MAX
 *   STATUS_OUT_OF_MEMORY the slab cannot provide metadata
 * On failure rm is unchanged and *addr untouched.
 */
status_t region_map_attach(struct region_map *rm, struct dataspace *ds, uint64_t size,
                           uint64_t offset, struct region_map_at at, uint64_t *addr);

/*
 * Detach the region that contains addr (any address inside it will do).
 * STATUS_NOT_FOUND if there is none.
 */
status_t region_map_detach(struct region_map *rm, uint64_t addr);

/* detach ds from every map that shows it, before its owner frees it */
void region_map_detach_everywhere(struct dataspace *ds);

/*
 * Resolve addr down to a dataspace that is not a region map, through
 * nested managed dataspaces. STATUS_NOT_FOUND if nothing is attached there
 * at some level (out->map and out->addr say where), STATUS_INVALID_ARGS
 * if addr is outside rm.
 */
status_t region_map_lookup(const struct region_map *rm, uint64_t addr,
                           struct region_map_lookup *out);

/*
 * Whether attaching sub into rm would make a map show itself (sub is rm
 * or shows it): tells the two reasons of STATUS_DENIED apart.
 */
bool region_map_would_cycle(const struct region_map *rm, const struct region_map *sub);

/* regions attached directly in rm */
static inline unsigned long
region_map_region_count(const struct region_map *rm)
{
	return (unsigned long)avl_count(&rm->regions);
}

/* bytes of rm covered by regions */
static inline uint64_t
region_map_used(const struct region_map *rm)
{
	return rm->free.used;
}

/*
 * Verify the tree, the free space against the regions and the nesting
 * bound, in O(n), for tests and debugging.
 */
bool region_map_check(const struct region_map *rm);

#endif /* _CORE__REGION_MAP_H_ */
