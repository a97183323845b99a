/*
 * \brief  core's heap over the platform's chunks
 */

#include "core_heap.h"
#include "platform.h"

static status_t
chunk_alloc(void *ctx, size_t size, void **addr)
{
	(void)ctx;
	return platform_chunk_alloc(size, addr);
}

static void
chunk_free(void *ctx, void *addr, size_t size)
{
	(void)ctx;
	platform_chunk_free(addr, size);
}

struct heap *
core_heap(void)
{
	static struct heap heap;
	static bool ready;
	if (!ready) {
		const struct heap_backing backing = {.alloc_chunk = chunk_alloc,
		                                     .free_chunk = chunk_free};
		(void)heap_init(&heap, &backing); /* both callbacks given: cannot fail */
		ready = true;
	}
	return &heap;
}
