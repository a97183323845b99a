/*
 * \brief  Fake platform RAM and fixture of test-ram_account
 */

#include <string.h>

#include "fixture.h"

static status_t
fake_alloc(void *ctx, uint64_t size, uint64_t *handle)
{
	struct fake_ram *r = ctx;
	if (size == 0 || size % PAGE || size > r->limit - r->bytes)
		return STATUS_UNAVAILABLE;
	for (unsigned i = 0; i < FAKE_RAM_SLOTS; i++) {
		if (r->size[i])
			continue;
		r->size[i] = size;
		r->bytes += size;
		r->blocks++;
		*handle = i + 1;
		return STATUS_OK;
	}
	return STATUS_UNAVAILABLE;
}

static void
fake_free(void *ctx, uint64_t handle, uint64_t size)
{
	struct fake_ram *r = ctx;
	if (handle == 0 || handle > FAKE_RAM_SLOTS || r->size[handle - 1] != size) {
		r->bad_frees++;
		return;
	}
	r->size[handle - 1] = 0;
	r->bytes -= size;
	r->blocks--;
	r->frees++;
}

void
fixture_init(struct fixture *f, uint64_t ram_limit)
{
	memset(&f->ram, 0, sizeof(f->ram));
	f->ram.limit = ram_limit ? ram_limit : UINT64_MAX;
	struct ram_backing ops = {fake_alloc, fake_free, &f->ram, 0};
	CHECK_EQ(ram_bank_init(&f->bank, &ops), STATUS_OK);

	test_backing_init(&f->tb, SIZE_MAX);
	struct heap_backing meta_ops = test_backing_ops(&f->tb);
	CHECK_EQ(slab_init(&f->meta, sizeof(struct ram_ds), &meta_ops), STATUS_OK);
}

void
fixture_fini(struct fixture *f)
{
	CHECK_EQ(f->bank.accounts, 0);
	CHECK_EQ(f->bank.quota, 0);
	CHECK_EQ(f->bank.used, 0);
	CHECK_EQ(f->bank.ds_count, 0);
	CHECK_EQ(f->ram.bytes, 0);
	CHECK_EQ(f->ram.blocks, 0);
	CHECK_EQ(f->ram.bad_frees, 0);
	CHECK_EQ(slab_used(&f->meta), 0);
	slab_destroy(&f->meta);
	CHECK_EQ(f->tb.bytes, 0);
	CHECK_EQ(f->tb.bad_frees, 0);
	test_backing_fini(&f->tb);
}

void
space_init(struct space *s)
{
	test_backing_init(&s->tb, SIZE_MAX);
	struct heap_backing ops = test_backing_ops(&s->tb);
	CHECK_EQ(slab_init(&s->meta, REGION_MAP_META_SIZE, &ops), STATUS_OK);
	CHECK_EQ(region_map_init(&s->rm, 0x10000000, 0x10000000, &s->meta), STATUS_OK);
}

void
space_fini(struct space *s)
{
	CHECK(region_map_check(&s->rm));
	region_map_destroy(&s->rm);
	CHECK_EQ(slab_used(&s->meta), 0);
	slab_destroy(&s->meta);
	CHECK_EQ(s->tb.bytes, 0);
	test_backing_fini(&s->tb);
}

uint64_t
space_show(struct space *s, struct ram_ds *ds)
{
	uint64_t a = 0;
	struct region_map_at at = {.anywhere = true, .addr = 0};
	CHECK_EQ(region_map_attach(&s->rm, &ds->ds, 0, 0, at, &a), STATUS_OK);
	return a;
}
