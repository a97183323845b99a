/*
 * \brief  The component's heap: chunks are RAM dataspaces of its own session
 *
 * Each chunk the heap asks for is allocated from the environment RAM
 * session and mapped read-write, so everything a component allocates is
 * charged to its quota, and a refusal of core (quota exceeded) becomes the
 * status of heap_alloc instead of a crash. The chunk table maps an address
 * back to its dataspace for the free; the heap's exponential chunk growth
 * keeps it small.
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <ram_session/client.h>

#include "env_heap.h"

static struct env_chunk *
chunk_slot(struct env_heap *h, void *addr)
{
	for (unsigned i = 0; i < ENV_HEAP_CHUNKS_MAX; i++)
		if (h->chunks[i].addr == addr)
			return &h->chunks[i];
	return 0;
}

static status_t
env_heap_chunk_alloc(void *ctx, size_t size, void **addr)
{
	struct env_heap *h = ctx;
	struct env_chunk *c = chunk_slot(h, 0);
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	if (!cap_valid(cap_raw(h->ram)))
		return STATUS_UNAVAILABLE;
	if (!c)
		return STATUS_OUT_OF_MEMORY;
	status_t s = ram_session_alloc(h->ram, size, &ds);
	if (s != STATUS_OK)
		return s;
	size_t mapped = 0;
	s = dataspace_map_writable(ds, addr, &mapped);
	if (s != STATUS_OK) {
		(void)ram_session_free(h->ram, ds);
		cap_close(cap_raw(ds));
		return s;
	}
	*c = (struct env_chunk){*addr, mapped, ds};
	return STATUS_OK;
}

static void
env_heap_chunk_free(void *ctx, void *addr, size_t size)
{
	struct env_heap *h = ctx;
	struct env_chunk *c = chunk_slot(h, addr);
	(void)size;
	if (!c || !addr)
		return;
	dataspace_unmap(c->addr, c->size);
	if (ram_session_free(h->ram, c->ds) != STATUS_OK)
		log_warning("heap: core refused to free a chunk of %lu bytes",
		            (unsigned long)c->size);
	cap_close(cap_raw(c->ds));
	*c = (struct env_chunk){0};
}

status_t
env_heap_init(struct env_heap *h, ram_session_cap_t ram)
{
	const struct heap_backing backing = {env_heap_chunk_alloc, env_heap_chunk_free, h};
	for (unsigned i = 0; i < ENV_HEAP_CHUNKS_MAX; i++)
		h->chunks[i] = (struct env_chunk){0};
	h->ram = ram;
	return heap_init(&h->heap, &backing);
}
