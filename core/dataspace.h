/*
 * \brief  The abstract dataspace that core's region maps attach
 *
 * Region maps do not care where memory comes from: a RAM dataspace, a ROM
 * module or another region map (a managed dataspace) all look alike here.
 * The service that creates a dataspace owns the struct and fills in size
 * and handle; the handle means something only to the platform (a file
 * descriptor on Linux, a physical address on a microkernel).
 *
 * The dataspace also lists the regions that currently show it, so that the
 * owner can detach it everywhere before it goes away
 * (region_map_detach_everywhere); a region therefore never refers to a
 * dataspace that no longer exists.
 */

#ifndef _CORE__DATASPACE_H_
#define _CORE__DATASPACE_H_

#include <stdint.h>

#include <util/list.h>

/* the unit of attachments and RAM accounting; what a page fault maps */
enum { DATASPACE_PAGE_SIZE_LOG2 = 12, DATASPACE_PAGE_SIZE = 1 << DATASPACE_PAGE_SIZE_LOG2 };

struct region_map;
struct dataspace_object;

struct dataspace {
	uint64_t size;              /* bytes, a multiple of DATASPACE_PAGE_SIZE */
	uint64_t handle;            /* platform-defined, opaque to region maps */
	struct region_map *managed; /* the map this dataspace shows, or NULL */
	struct list attachments;    /* struct region (private) showing it */
	/*
	 * How core serves it (backing, writable), set by the service that
	 * serves it, so that a managed dataspace can name what backs each of
	 * its regions (RM resolve); NULL for a managed dataspace.
	 */
	const struct dataspace_object *object;
};

/* a dataspace that is attached nowhere; the caller owns ds */
static inline void
dataspace_init(struct dataspace *ds, uint64_t size, uint64_t handle)
{
	ds->size = size;
	ds->handle = handle;
	ds->managed = 0;
	ds->object = 0;
	list_init(&ds->attachments);
}

/* number of regions, in any region map, that show ds */
static inline unsigned long
dataspace_attach_count(const struct dataspace *ds)
{
	return (unsigned long)list_count(&ds->attachments);
}

#endif /* _CORE__DATASPACE_H_ */
