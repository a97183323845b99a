/*
 * \brief  Slab allocator for objects of one fixed size
 *
 * Meant for metadata such as the blocks of a range allocator or session
 * objects: many small objects of the same size, allocated and freed in O(1)
 * without the fragmentation of a general heap. Memory comes in chunks
 * from a struct heap_backing (see base/heap.h), so it is accounted to
 * whoever supplies the backing. A chunk whose objects are all free is kept
 * as a spare if there is none yet, and returned to the backing otherwise.
 *
 * Every object is aligned to SLAB_ALIGN and preceded by a tagged slot
 * header, so slab_free detects a double free and a pointer that is not an
 * object of this slab (best effort, as for the heap).
 *
 * The slab is not thread-safe; the caller serialises access.
 */

#ifndef _INCLUDE__BASE__SLAB_H_
#define _INCLUDE__BASE__SLAB_H_

#include <stddef.h>

#include <base/heap.h>
#include <base/status.h>

enum {
	SLAB_ALIGN = 16,
	SLAB_OBJECT_MAX = 16 * 1024,
	SLAB_CHUNK_MIN = 4096,
	SLAB_MIN_SLOTS = 8,    /* chunks grow beyond SLAB_CHUNK_MIN to hold this many */
	SLAB_SLOT_HEADER = 16, /* the tagged header before every object */
};

/*
 * What one object of size bytes takes of a slab (its slot), a constant
 * expression, so that a server can check at compile time that what it
 * charges a client per object covers it
 */
#define SLAB_SLOT_COST(size) \
	(SLAB_SLOT_HEADER + ((size) + SLAB_ALIGN - 1) / SLAB_ALIGN * SLAB_ALIGN)

struct slab_chunk; /* private */

struct slab {
	struct heap_backing backing;
	size_t object_size;
	size_t slot_size; /* slot header plus object, rounded to SLAB_ALIGN */
	size_t chunk_size;
	size_t slots_per_chunk;
	struct slab_chunk *partial; /* chunks with at least one free slot */
	struct slab_chunk *full;    /* chunks without a free slot */
	size_t empty_chunks;        /* chunks whose slots are all free (0 or 1) */
	size_t used;                /* objects allocated */
	size_t consumed;            /* bytes currently held from the backing */
	size_t chunk_count;
};

/*
 * Make slab empty, for objects of object_size bytes (1 .. SLAB_OBJECT_MAX).
 * backing is copied, its ctx is borrowed. No chunk is obtained before the
 * first slab_alloc. STATUS_INVALID_ARGS for a bad size or a missing callback.
 */
status_t slab_init(struct slab *slab, size_t object_size, const struct heap_backing *backing);

/*
 * Allocate one object (not cleared) and store its address at *obj; the
 * caller owns it until slab_free or slab_destroy. When a new chunk is
 * needed and the backing refuses, its status is returned (e.g.
 * STATUS_QUOTA_EXCEEDED) and *obj is untouched.
 */
status_t slab_alloc(struct slab *slab, void **obj);

/*
 * Give back an object. STATUS_INVALID_ARGS for NULL, a double free or a
 * pointer that is not a live object of this slab; nothing changes then.
 */
status_t slab_free(struct slab *slab, void *obj);

static inline size_t
slab_object_size(const struct slab *slab)
{
	return slab->object_size;
}

/* objects currently allocated */
static inline size_t
slab_used(const struct slab *slab)
{
	return slab->used;
}

/* bytes currently obtained from the backing */
static inline size_t
slab_consumed(const struct slab *slab)
{
	return slab->consumed;
}

static inline size_t
slab_chunk_count(const struct slab *slab)
{
	return slab->chunk_count;
}

/*
 * Return every chunk to the backing. Objects still allocated become
 * invalid. The slab is empty afterwards and may be used again.
 */
void slab_destroy(struct slab *slab);

#endif /* _INCLUDE__BASE__SLAB_H_ */
