/*
 * \brief  A heap over the host's malloc with a byte limit (see test_heap.h)
 */

#include <stdint.h>
#include <stdlib.h>

#include "test_heap.h"

static status_t
chunk_alloc(void *ctx, size_t size, void **addr)
{
	struct test_heap *th = ctx;
	if (size > th->limit || th->bytes > th->limit - size)
		return STATUS_QUOTA_EXCEEDED;
	void *mem = aligned_alloc(HEAP_ALIGN, (size + HEAP_ALIGN - 1) / HEAP_ALIGN * HEAP_ALIGN);
	if (!mem)
		return STATUS_OUT_OF_MEMORY;
	th->bytes += size;
	*addr = mem;
	return STATUS_OK;
}

static void
chunk_free(void *ctx, void *addr, size_t size)
{
	struct test_heap *th = ctx;
	th->bytes -= size;
	free(addr);
}

struct heap *
test_heap_init(struct test_heap *th, size_t limit)
{
	struct heap_backing b = {.alloc_chunk = chunk_alloc, .free_chunk = chunk_free, .ctx = th};
	th->limit = limit;
	th->bytes = 0;
	if (heap_init(&th->heap, &b) != STATUS_OK)
		abort();
	return &th->heap;
}

void
test_heap_fini(struct test_heap *th)
{
	heap_destroy(&th->heap);
}
