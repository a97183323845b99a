/*
 * \brief  Slab allocator for objects of one fixed size
 *
 * A chunk is a header followed by equal slots. Each slot starts with a
 * header that points back to its chunk, which makes slab_free O(1) without
 * searching the chunks; the header's tag mixes a state constant with the
 * slot and chunk addresses, so a stray pointer or a second free is very
 * unlikely to pass for a live object. Free slots are linked through their
 * object area.
 */

#include <stdint.h>

#include <base/slab.h>

enum {
	CHUNK_MAGIC = 0x51ab0c4b,
	TAG_USED = 0x5a1b05ed,
	TAG_FREE = 0x0f4eeb1e,
};

struct slab_slot {
	uintptr_t tag;
	struct slab_chunk *chunk;
};

struct slab_chunk {
	uint32_t magic;
	struct slab *owner;
	struct slab_chunk *prev, *next;
	struct slab_slot *free_list;
	size_t used; /* live objects in this chunk */
};

#define ROUND_UP(x, a) (((x) + (a)-1) / (a) * (a))

enum {
	SLOT_HDR = ROUND_UP(sizeof(struct slab_slot), SLAB_ALIGN),
	CHUNK_HDR = ROUND_UP(sizeof(struct slab_chunk), SLAB_ALIGN),
};

_Static_assert((size_t)SLOT_HDR == (size_t)SLAB_SLOT_HEADER,
               "SLAB_SLOT_COST does not match the slot layout");

static uintptr_t
slot_tag(uintptr_t state, const struct slab_slot *slot, const struct slab_chunk *chunk)
{
	return state ^ (uintptr_t)slot ^ ((uintptr_t)chunk << 1);
}

static struct slab_slot *
slot_at(const struct slab *s, struct slab_chunk *c, size_t i)
{
	return (struct slab_slot *)(void *)((char *)c + CHUNK_HDR + i * s->slot_size);
}

/* the link to the next free slot lives where the object will be */
static struct slab_slot **
free_link(struct slab_slot *slot)
{
	return (struct slab_slot **)(void *)((char *)slot + SLOT_HDR);
}

static void
list_push(struct slab_chunk **head, struct slab_chunk *c)
{
	c->prev = NULL;
	c->next = *head;
	if (*head)
		(*head)->prev = c;
	*head = c;
}

static void
list_unlink(struct slab_chunk **head, struct slab_chunk *c)
{
	if (c->prev)
		c->prev->next = c->next;
	else
		*head = c->next;
	if (c->next)
		c->next->prev = c->prev;
}

status_t
slab_init(struct slab *s, size_t object_size, const struct heap_backing *backing)
{
	if (!backing || !backing->alloc_chunk || !backing->free_chunk)
		return STATUS_INVALID_ARGS;
	if (object_size == 0 || object_size > SLAB_OBJECT_MAX)
		return STATUS_INVALID_ARGS;
	s->backing = *backing;
	s->object_size = object_size;
	s->slot_size = SLOT_HDR + ROUND_UP(object_size, SLAB_ALIGN);
	s->chunk_size = SLAB_CHUNK_MIN;
	while ((s->chunk_size - CHUNK_HDR) / s->slot_size < SLAB_MIN_SLOTS)
		s->chunk_size *= 2;
	s->slots_per_chunk = (s->chunk_size - CHUNK_HDR) / s->slot_size;
	s->partial = s->full = NULL;
	s->empty_chunks = s->used = s->consumed = s->chunk_count = 0;
	return STATUS_OK;
}

static status_t
chunk_add(struct slab *s)
{
	void *mem = NULL;
	status_t st = s->backing.alloc_chunk(s->backing.ctx, s->chunk_size, &mem);
	if (st != STATUS_OK)
		return st;
	if (!mem || (uintptr_t)mem % SLAB_ALIGN) {
		/* a backing that breaks its contract gets its memory back */
		if (mem)
			s->backing.free_chunk(s->backing.ctx, mem, s->chunk_size);
		return STATUS_OUT_OF_MEMORY;
	}
	struct slab_chunk *c = mem;
	c->magic = CHUNK_MAGIC;
	c->owner = s;
	c->used = 0;
	c->free_list = NULL;
	for (size_t i = s->slots_per_chunk; i-- > 0;) {
		struct slab_slot *slot = slot_at(s, c, i);
		slot->chunk = c;
		slot->tag = slot_tag(TAG_FREE, slot, c);
		*free_link(slot) = c->free_list;
		c->free_list = slot;
	}
	list_push(&s->partial, c);
	s->consumed += s->chunk_size;
	s->chunk_count++;
	s->empty_chunks++;
	return STATUS_OK;
}

static void
chunk_release(struct slab *s, struct slab_chunk *c)
{
	list_unlink(&s->partial, c);
	c->magic = 0;
	s->consumed -= s->chunk_size;
	s->chunk_count--;
	s->backing.free_chunk(s->backing.ctx, c, s->chunk_size);
}

status_t
slab_alloc(struct slab *s, void **obj)
{
	if (!obj)
		return STATUS_INVALID_ARGS;
	if (!s->partial) {
		status_t st = chunk_add(s);
		if (st != STATUS_OK)
			return st;
	}
	struct slab_chunk *c = s->partial;
	struct slab_slot *slot = c->free_list;

	c->free_list = *free_link(slot);
	if (c->used++ == 0)
		s->empty_chunks--;
	if (!c->free_list) {
		list_unlink(&s->partial, c);
		list_push(&s->full, c);
	}
	slot->tag = slot_tag(TAG_USED, slot, c);
	s->used++;
	*obj = free_link(slot);
	return STATUS_OK;
}

/* the chunk of a live object of s, or NULL if obj is not one */
static struct slab_chunk *
chunk_of(const struct slab *s, struct slab_slot *slot)
{
	struct slab_chunk *c = slot->chunk;

	if (slot->tag != slot_tag(TAG_USED, slot, c))
		return NULL;
	if (c->magic != CHUNK_MAGIC || c->owner != s)
		return NULL;
	uintptr_t off = (uintptr_t)slot - (uintptr_t)c;
	if (off < CHUNK_HDR || (off - CHUNK_HDR) % s->slot_size != 0)
		return NULL;
	if ((off - CHUNK_HDR) / s->slot_size >= s->slots_per_chunk)
		return NULL;
	return c;
}

status_t
slab_free(struct slab *s, void *obj)
{
	if (!obj || (uintptr_t)obj % SLAB_ALIGN)
		return STATUS_INVALID_ARGS;

	struct slab_slot *slot = (struct slab_slot *)(void *)((char *)obj - SLOT_HDR);
	struct slab_chunk *c = chunk_of(s, slot);
	if (!c)
		return STATUS_INVALID_ARGS;

	slot->tag = slot_tag(TAG_FREE, slot, c);
	if (!c->free_list) {
		list_unlink(&s->full, c);
		list_push(&s->partial, c);
	}
	*free_link(slot) = c->free_list;
	c->free_list = slot;
	s->used--;
	if (--c->used == 0) {
		/* keep one empty chunk so that alloc/free pairs do not thrash */
		if (s->empty_chunks > 0)
			chunk_release(s, c);
		else
			s->empty_chunks++;
	}
	return STATUS_OK;
}

static void
list_release(struct slab *s, struct slab_chunk *c)
{
	while (c) {
		struct slab_chunk *next = c->next;
		c->magic = 0;
		s->backing.free_chunk(s->backing.ctx, c, s->chunk_size);
		c = next;
	}
}

void
slab_destroy(struct slab *s)
{
	list_release(s, s->partial);
	list_release(s, s->full);
	s->partial = s->full = NULL;
	s->empty_chunks = s->used = s->consumed = s->chunk_count = 0;
}
