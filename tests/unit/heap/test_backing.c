/*
 * \brief  Backing store for allocator tests (see test_backing.h)
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "test_backing.h"

void
test_backing_init(struct test_backing *tb, size_t limit)
{
	memset(tb, 0, sizeof(*tb));
	tb->limit = limit;
}

static struct test_chunk *
slot_for(struct test_backing *tb, void *addr)
{
	for (size_t i = 0; i < tb->table_cap; i++)
		if (tb->table[i].addr == addr)
			return &tb->table[i];
	return NULL;
}

static struct test_chunk *
free_slot(struct test_backing *tb)
{
	struct test_chunk *s = slot_for(tb, NULL);
	if (s)
		return s;
	size_t cap = tb->table_cap ? tb->table_cap * 2 : 64;
	struct test_chunk *t = realloc(tb->table, cap * sizeof(*t));
	if (!t)
		abort();
	memset(t + tb->table_cap, 0, (cap - tb->table_cap) * sizeof(*t));
	tb->table = t;
	s = &t[tb->table_cap];
	tb->table_cap = cap;
	return s;
}

static status_t
backing_alloc(void *ctx, size_t size, void **addr)
{
	struct test_backing *tb = ctx;

	if (size > tb->limit || tb->bytes > tb->limit - size) {
		tb->refusals++;
		return STATUS_QUOTA_EXCEEDED;
	}
	void *mem = aligned_alloc(16, (size + 15) / 16 * 16);
	if (!mem)
		return STATUS_OUT_OF_MEMORY;
	/* garbage, so that nobody relies on fresh chunks being zero */
	memset(mem, 0xa5, size);
	struct test_chunk *s = free_slot(tb);
	s->addr = mem;
	s->size = size;
	tb->bytes += size;
	tb->chunks++;
	tb->allocs++;
	tb->last_size = size;
	*addr = mem;
	return STATUS_OK;
}

static void
backing_free(void *ctx, void *addr, size_t size)
{
	struct test_backing *tb = ctx;
	struct test_chunk *s = addr ? slot_for(tb, addr) : NULL;

	if (!s || s->size != size) {
		tb->bad_frees++;
		return;
	}
	s->addr = NULL;
	tb->bytes -= size;
	tb->chunks--;
	free(addr);
}

struct heap_backing
test_backing_ops(struct test_backing *tb)
{
	struct heap_backing ops = {backing_alloc, backing_free, tb};
	return ops;
}

void
test_backing_fini(struct test_backing *tb)
{
	for (size_t i = 0; i < tb->table_cap; i++)
		free(tb->table[i].addr);
	free(tb->table);
	tb->table = NULL;
	tb->table_cap = 0;
}
