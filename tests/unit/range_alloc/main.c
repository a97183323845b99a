/*
 * \brief  Unit test: range allocator edge cases (the model test is in model.c)
 */

#include <stdint.h>

#include <util/range_alloc.h>

#include "../../harness/harness.h"
#include "../heap/test_backing.h"
#include "cases.h"

struct fixture {
	struct test_backing tb;
	struct slab meta;
	struct range_alloc ra;
};

static void
fixture_init(struct fixture *f, size_t meta_limit)
{
	test_backing_init(&f->tb, meta_limit);
	struct heap_backing ops = test_backing_ops(&f->tb);
	CHECK_EQ(slab_init(&f->meta, RANGE_ALLOC_META_SIZE, &ops), STATUS_OK);
	CHECK_EQ(range_alloc_init(&f->ra, &f->meta), STATUS_OK);
}

/* tear down and check that every byte of metadata went back */
static void
fixture_fini(struct fixture *f)
{
	CHECK(range_alloc_check(&f->ra));
	range_alloc_destroy(&f->ra);
	CHECK_EQ(slab_used(&f->meta), 0);
	slab_destroy(&f->meta);
	CHECK_EQ(f->tb.bytes, 0);
	CHECK_EQ(f->tb.bad_frees, 0);
	test_backing_fini(&f->tb);
}

static unsigned
block_count(const struct range_alloc *ra)
{
	struct range_alloc_info b;
	unsigned n = 0;
	for (bool more = range_alloc_block_first(ra, &b); more;
	     more = range_alloc_block_next(ra, &b))
		n++;
	return n;
}

static void
size_zero_invalid(void)
{
	struct fixture f;
	uint64_t a = 0;

	fixture_init(&f, SIZE_MAX);
	CHECK_EQ(range_alloc_add(&f.ra, 0x1000, 0), STATUS_INVALID_ARGS);
	CHECK_EQ(range_alloc_add(&f.ra, 0x1000, 0x1000), STATUS_OK);
	CHECK_EQ(range_alloc_alloc(&f.ra, 0, &a), STATUS_INVALID_ARGS);
	CHECK_EQ(range_alloc_alloc_at(&f.ra, 0x1000, 0), STATUS_INVALID_ARGS);
	CHECK_EQ(range_alloc_remove(&f.ra, 0x1000, 0), STATUS_INVALID_ARGS);
	CHECK_EQ(range_alloc_alloc_aligned(&f.ra, 1, 64, &a), STATUS_INVALID_ARGS);
	CHECK_EQ(range_alloc_avail(&f.ra), 0x1000);
	fixture_fini(&f);
}

static void
slab_too_small_rejected(void)
{
	struct test_backing tb;
	struct slab small;
	struct range_alloc ra;

	test_backing_init(&tb, SIZE_MAX);
	struct heap_backing ops = test_backing_ops(&tb);
	CHECK_EQ(slab_init(&small, 8, &ops), STATUS_OK);
	CHECK_EQ(range_alloc_init(&ra, &small), STATUS_INVALID_ARGS);
	CHECK_EQ(range_alloc_init(&ra, NULL), STATUS_INVALID_ARGS);
	test_backing_fini(&tb);
}

static void
top_of_64bit_space(void)
{
	struct fixture f;
	uint64_t a = 0, top = UINT64_MAX - 0xfff;

	fixture_init(&f, SIZE_MAX);
	CHECK_EQ(range_alloc_add(&f.ra, top, 0x1001), STATUS_INVALID_ARGS);
	CHECK_EQ(range_alloc_add(&f.ra, UINT64_MAX, 2), STATUS_INVALID_ARGS);
	CHECK_EQ(range_alloc_add(&f.ra, top, 0x1000), STATUS_OK);
	CHECK_EQ(range_alloc_alloc_at(&f.ra, UINT64_MAX, 1), STATUS_OK);
	CHECK_EQ(range_alloc_alloc_at(&f.ra, UINT64_MAX, 1), STATUS_CONFLICT);
	CHECK_EQ(range_alloc_alloc_aligned(&f.ra, 0x800, 11, &a), STATUS_OK);
	CHECK_EQ(a, top);
	/* no aligned 0x800 is left: the one at the top holds the used last byte */
	CHECK_EQ(range_alloc_alloc_aligned(&f.ra, 0x800, 11, &a), STATUS_NOT_FOUND);
	CHECK_EQ(range_alloc_alloc(&f.ra, 0x7ff, &a), STATUS_OK);
	CHECK_EQ(a, top + 0x800);
	CHECK_EQ(range_alloc_avail(&f.ra), 0);
	CHECK_EQ(range_alloc_free(&f.ra, UINT64_MAX), STATUS_OK);
	CHECK_EQ(range_alloc_free(&f.ra, top + 0x800), STATUS_OK);
	CHECK_EQ(range_alloc_avail(&f.ra), 0x800);
	CHECK_EQ(block_count(&f.ra), 2);
	CHECK_EQ(range_alloc_remove(&f.ra, UINT64_MAX, 1), STATUS_OK);
	CHECK_EQ(range_alloc_alloc_at(&f.ra, UINT64_MAX, 1), STATUS_NOT_FOUND);
	fixture_fini(&f);
}

static void
whole_64bit_space(void)
{
	struct fixture f;
	uint64_t a = 1;

	fixture_init(&f, SIZE_MAX);
	CHECK_EQ(range_alloc_add(&f.ra, 0, UINT64_MAX), STATUS_OK);
	/* 2^64 bytes could not be counted in avail */
	CHECK_EQ(range_alloc_add(&f.ra, UINT64_MAX, 1), STATUS_INVALID_ARGS);
	CHECK(range_alloc_avail(&f.ra) == UINT64_MAX);
	CHECK_EQ(range_alloc_alloc_aligned(&f.ra, 1, 63, &a), STATUS_OK);
	CHECK_EQ(a, 0);
	CHECK_EQ(range_alloc_alloc_aligned(&f.ra, 1, 63, &a), STATUS_OK);
	CHECK(a == (uint64_t)1 << 63);
	CHECK_EQ(range_alloc_alloc_aligned(&f.ra, 1, 63, &a), STATUS_NOT_FOUND);
	CHECK_EQ(range_alloc_free(&f.ra, 0), STATUS_OK);
	CHECK_EQ(range_alloc_free(&f.ra, (uint64_t)1 << 63), STATUS_OK);
	CHECK_EQ(range_alloc_alloc(&f.ra, UINT64_MAX, &a), STATUS_OK);
	CHECK_EQ(a, 0);
	CHECK_EQ(range_alloc_avail(&f.ra), 0);
	CHECK_EQ(block_count(&f.ra), 1);
	fixture_fini(&f);
}

static void
top_of_32bit_space(void)
{
	struct fixture f;
	uint64_t a = 0;

	fixture_init(&f, SIZE_MAX);
	CHECK_EQ(range_alloc_add(&f.ra, 0xfffff000u, 0x1000), STATUS_OK);
	/* a 64-bit allocator does not end at 4 GiB: the next range joins */
	CHECK_EQ(range_alloc_add(&f.ra, 0x100000000ull, 0x1000), STATUS_OK);
	CHECK_EQ(block_count(&f.ra), 1);
	CHECK_EQ(range_alloc_alloc_at(&f.ra, 0xffffffffu, 2), STATUS_OK);
	CHECK_EQ(range_alloc_alloc_aligned(&f.ra, 0x800, 12, &a), STATUS_OK);
	CHECK_EQ(a, 0xfffff000u);
	CHECK_EQ(range_alloc_remove(&f.ra, 0x100000000ull, 0x1000), STATUS_CONFLICT);
	CHECK_EQ(range_alloc_remove(&f.ra, 0x100000001ull, 0xfff), STATUS_OK);
	CHECK_EQ(range_alloc_free(&f.ra, 0xffffffffu), STATUS_OK);
	CHECK_EQ(range_alloc_remove(&f.ra, 0xfffff800u, 0x801), STATUS_OK);
	CHECK_EQ(range_alloc_avail(&f.ra), 0);
	fixture_fini(&f);
}

static void
wrong_frees_detected(void)
{
	struct fixture f;
	uint64_t a = 0, size = 0;

	fixture_init(&f, SIZE_MAX);
	CHECK_EQ(range_alloc_add(&f.ra, 0x10000, 0x10000), STATUS_OK);
	CHECK_EQ(range_alloc_alloc(&f.ra, 0x100, &a), STATUS_OK);
	CHECK_EQ(range_alloc_free(&f.ra, a + 1), STATUS_NOT_FOUND);     /* inside */
	CHECK_EQ(range_alloc_free(&f.ra, a + 0x100), STATUS_NOT_FOUND); /* free block */
	CHECK_EQ(range_alloc_free(&f.ra, 0x5000), STATUS_NOT_FOUND);    /* unmanaged */
	CHECK_EQ(range_alloc_size_at(&f.ra, a + 1, &size), STATUS_NOT_FOUND);
	CHECK_EQ(range_alloc_size_at(&f.ra, a, &size), STATUS_OK);
	CHECK_EQ(size, 0x100);
	CHECK_EQ(range_alloc_free(&f.ra, a), STATUS_OK);
	CHECK_EQ(range_alloc_free(&f.ra, a), STATUS_NOT_FOUND); /* double free */
	CHECK_EQ(range_alloc_avail(&f.ra), 0x10000);
	CHECK_EQ(block_count(&f.ra), 1);
	fixture_fini(&f);
}

static void
add_and_remove_rules(void)
{
	struct fixture f;

	fixture_init(&f, SIZE_MAX);
	CHECK_EQ(range_alloc_add(&f.ra, 0x2000, 0x1000), STATUS_OK);
	CHECK_EQ(range_alloc_add(&f.ra, 0x2800, 0x1000), STATUS_CONFLICT);
	CHECK_EQ(range_alloc_add(&f.ra, 0x1800, 0x1000), STATUS_CONFLICT);
	CHECK_EQ(range_alloc_add(&f.ra, 0x1000, 0x3000), STATUS_CONFLICT);
	CHECK_EQ(range_alloc_add(&f.ra, 0x4000, 0x1000), STATUS_OK);
	CHECK_EQ(block_count(&f.ra), 2);
	CHECK_EQ(range_alloc_add(&f.ra, 0x3000, 0x1000), STATUS_OK); /* fills the gap */
	CHECK_EQ(block_count(&f.ra), 1);
	CHECK_EQ(range_alloc_alloc_at(&f.ra, 0x3000, 0x10), STATUS_OK);
	CHECK_EQ(range_alloc_remove(&f.ra, 0x2000, 0x1010), STATUS_CONFLICT);
	CHECK_EQ(range_alloc_remove(&f.ra, 0x4000, 0x1001), STATUS_NOT_FOUND);
	CHECK_EQ(range_alloc_remove(&f.ra, 0x1000, 0x10), STATUS_NOT_FOUND);
	CHECK_EQ(range_alloc_remove(&f.ra, 0x4100, 0x100), STATUS_OK); /* splits */
	CHECK_EQ(block_count(&f.ra), 4);
	CHECK_EQ(range_alloc_alloc_at(&f.ra, 0x40f0, 0x20), STATUS_NOT_FOUND);
	CHECK_EQ(range_alloc_avail(&f.ra), 0x3000 - 0x10 - 0x100);
	fixture_fini(&f);
}

/* freeing each used block during iteration, as a region map teardown would */
static void
iterate_while_freeing(void)
{
	struct fixture f;
	struct range_alloc_info b;
	uint64_t a = 0;
	unsigned freed = 0;

	fixture_init(&f, SIZE_MAX);
	CHECK_EQ(range_alloc_add(&f.ra, 0, 0x100000), STATUS_OK);
	for (int i = 0; i < 100; i++)
		range_alloc_alloc_aligned(&f.ra, 0x100 + (uint64_t)i, (unsigned)(i % 5), &a);
	for (bool more = range_alloc_block_first(&f.ra, &b); more;
	     more = range_alloc_block_next(&f.ra, &b))
		if (b.used && range_alloc_free(&f.ra, b.addr) == STATUS_OK)
			freed++;
	CHECK_EQ(freed, 100);
	CHECK_EQ(block_count(&f.ra), 1);
	CHECK_EQ(range_alloc_avail(&f.ra), 0x100000);
	fixture_fini(&f);
}

/* with metadata exhausted, an operation fails and changes nothing */
static void
out_of_metadata_changes_nothing(void)
{
	struct fixture f;
	uint64_t a = 0;
	unsigned n = 0;

	fixture_init(&f, SLAB_CHUNK_MIN);
	CHECK_EQ(range_alloc_add(&f.ra, 0, 0x100000), STATUS_OK);
	/* isolated used blocks, one block of metadata each, until none is left */
	while (range_alloc_alloc_at(&f.ra, (uint64_t)n * 0x100, 0x10) == STATUS_OK)
		n++;
	CHECK(n > 8);
	CHECK(f.tb.refusals > 0);
	uint64_t avail = range_alloc_avail(&f.ra);
	unsigned blocks = block_count(&f.ra);
	CHECK_EQ(range_alloc_alloc_at(&f.ra, 0xf0000, 0x10), STATUS_OUT_OF_MEMORY);
	CHECK_EQ(range_alloc_remove(&f.ra, 0xf0000, 0x10), STATUS_OUT_OF_MEMORY);
	CHECK_EQ(range_alloc_add(&f.ra, 0x200000, 0x10), STATUS_OUT_OF_MEMORY);
	CHECK_EQ(range_alloc_avail(&f.ra), avail);
	CHECK_EQ(block_count(&f.ra), blocks);
	CHECK(range_alloc_check(&f.ra));
	/* filling a gap exactly needs no metadata, nor does freeing */
	CHECK_EQ(range_alloc_alloc_at(&f.ra, 0x10, 0xf0), STATUS_OK);
	CHECK_EQ(range_alloc_free(&f.ra, 0), STATUS_OK);
	CHECK_EQ(range_alloc_alloc(&f.ra, 0x10, &a), STATUS_OK);
	CHECK_EQ(a, 0);
	fixture_fini(&f);
}

TEST_MAIN(TEST_CASE(size_zero_invalid), TEST_CASE(slab_too_small_rejected),
          TEST_CASE(top_of_64bit_space), TEST_CASE(whole_64bit_space),
          TEST_CASE(top_of_32bit_space), TEST_CASE(wrong_frees_detected),
          TEST_CASE(add_and_remove_rules), TEST_CASE(iterate_while_freeing),
          TEST_CASE(out_of_metadata_changes_nothing), TEST_CASE(random_window_low),
          TEST_CASE(random_window_4g), TEST_CASE(random_window_top), TEST_CASE(random_window_odd),
          TEST_CASE(random_tight_metadata))
