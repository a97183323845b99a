/*
 * \brief  Unit test: region map rules for plain dataspaces
 *
 * Nesting is in nested.c, the randomized model test in model.c.
 */

#include <stdint.h>

#include "cases.h"
#include "fixture.h"

static void
init_rules(void)
{
	struct fixture f;
	struct region_map rm;
	struct slab small;
	struct heap_backing ops;

	fixture_init(&f, SIZE_MAX);
	ops = test_backing_ops(&f.tb);
	CHECK_EQ(slab_init(&small, RANGE_ALLOC_META_SIZE, &ops), STATUS_OK);
	CHECK_EQ(region_map_init(&rm, 0, 0x1000, &small), STATUS_INVALID_ARGS);
	slab_destroy(&small);

	CHECK_EQ(region_map_init(&rm, 0, 0, &f.meta), STATUS_INVALID_ARGS);
	CHECK_EQ(region_map_init(&rm, 0x800, 0x1000, &f.meta), STATUS_INVALID_ARGS);
	CHECK_EQ(region_map_init(&rm, 0x1000, 0x1800, &f.meta), STATUS_INVALID_ARGS);
	CHECK_EQ(region_map_init(&rm, UINT64_MAX - 0xfff, 0x2000, &f.meta), STATUS_INVALID_ARGS);
	CHECK_EQ(region_map_init(&rm, 0, 0x1000, 0), STATUS_INVALID_ARGS);
	CHECK_EQ(slab_used(&f.meta), 0);

	/* a map may end at the very top of the 64-bit space */
	CHECK_EQ(region_map_init(&rm, UINT64_MAX - 0xffff, 0x10000, &f.meta), STATUS_OK);
	CHECK_EQ(rm.ds.size, 0x10000);
	CHECK(rm.ds.managed == &rm);
	CHECK(region_map_check(&rm));
	region_map_destroy(&rm);
	fixture_fini(&f);
}

static void
init_without_metadata(void)
{
	struct fixture f;
	struct region_map rm;

	fixture_init(&f, 0);
	CHECK_EQ(region_map_init(&rm, 0, 0x10000, &f.meta), STATUS_OUT_OF_MEMORY);
	fixture_fini(&f);
}

static void
attach_at_and_lookup(void)
{
	struct fixture f;
	struct region_map rm;
	struct dataspace ds;
	struct region_map_lookup l;
	uint64_t a = 0;

	fixture_init(&f, SIZE_MAX);
	dataspace_init(&ds, 8 * PAGE, 42);
	CHECK_EQ(region_map_init(&rm, 0x100000, 0x100000, &f.meta), STATUS_OK);
	CHECK_EQ(region_map_attach(&rm, &ds, 2 * PAGE, 3 * PAGE, at_addr(0x140000), &a), STATUS_OK);
	CHECK_EQ(a, 0x140000);
	CHECK_EQ(region_map_region_count(&rm), 1);
	CHECK_EQ(region_map_used(&rm), 2 * PAGE);
	CHECK_EQ(dataspace_attach_count(&ds), 1);

	CHECK_EQ(region_map_lookup(&rm, 0x141234, &l), STATUS_OK);
	CHECK(l.ds == &ds && l.map == &rm);
	CHECK_EQ(l.offset, 4 * PAGE + 0x234);
	CHECK_EQ(l.depth, 1);
	CHECK_EQ(l.window_first, 0x140000);
	CHECK_EQ(l.window_last, 0x141fff);

	CHECK_EQ(region_map_lookup(&rm, 0x142000, &l), STATUS_NOT_FOUND);
	CHECK(l.map == &rm);
	CHECK_EQ(l.addr, 0x142000);
	CHECK_EQ(l.window_first, 0x142000);
	CHECK_EQ(l.window_last, 0x1fffff);
	CHECK_EQ(region_map_lookup(&rm, 0x13ffff, &l), STATUS_NOT_FOUND);
	CHECK_EQ(l.window_first, 0x100000);
	CHECK_EQ(l.window_last, 0x13ffff);
	CHECK_EQ(region_map_lookup(&rm, 0xfffff, &l), STATUS_INVALID_ARGS);
	CHECK_EQ(region_map_lookup(&rm, 0x200000, &l), STATUS_INVALID_ARGS);
	CHECK(region_map_check(&rm));
	region_map_destroy(&rm);
	CHECK_EQ(dataspace_attach_count(&ds), 0);
	fixture_fini(&f);
}

/* every refused attach leaves the map exactly as it was */
static void
refused(struct region_map *rm, struct dataspace *ds, uint64_t size, uint64_t offset,
        struct region_map_at at, status_t want)
{
	unsigned long count = region_map_region_count(rm);
	uint64_t used = region_map_used(rm), a = 0xdead;
	CHECK_EQ(region_map_attach(rm, ds, size, offset, at, &a), want);
	CHECK_EQ(a, 0xdead);
	CHECK_EQ(region_map_region_count(rm), count);
	CHECK_EQ(region_map_used(rm), used);
	CHECK(region_map_check(rm));
}

static void
attach_errors(void)
{
	struct fixture f;
	struct region_map rm;
	struct dataspace ds;
	uint64_t a;

	fixture_init(&f, SIZE_MAX);
	dataspace_init(&ds, 4 * PAGE, 1);
	CHECK_EQ(region_map_init(&rm, 0x10000, 16 * PAGE, &f.meta), STATUS_OK);

	refused(&rm, 0, PAGE, 0, anywhere(), STATUS_INVALID_ARGS);
	refused(&rm, &ds, PAGE, 0x800, anywhere(), STATUS_INVALID_ARGS);    /* offset unaligned */
	refused(&rm, &ds, PAGE, 5 * PAGE, anywhere(), STATUS_INVALID_ARGS); /* offset beyond */
	refused(&rm, &ds, 0, 4 * PAGE, anywhere(), STATUS_INVALID_ARGS);    /* zero bytes left */
	refused(&rm, &ds, 5 * PAGE, 0, anywhere(), STATUS_INVALID_ARGS);    /* size beyond */
	refused(&rm, &ds, 3 * PAGE + 1, PAGE, anywhere(), STATUS_INVALID_ARGS); /* rounded beyond */
	refused(&rm, &ds, UINT64_MAX, 0, anywhere(), STATUS_INVALID_ARGS);
	refused(&rm, &ds, 2 * PAGE, 3 * PAGE, anywhere(), STATUS_INVALID_ARGS);
	refused(&rm, &ds, PAGE, 0, at_addr(0x10800), STATUS_INVALID_ARGS);     /* unaligned */
	refused(&rm, &ds, PAGE, 0, at_addr(0xf000), STATUS_INVALID_ARGS);      /* below */
	refused(&rm, &ds, PAGE, 0, at_addr(0x20000), STATUS_INVALID_ARGS);     /* above */
	refused(&rm, &ds, 2 * PAGE, 0, at_addr(0x1f000), STATUS_INVALID_ARGS); /* straddles end */
	refused(&rm, &ds, PAGE, 0, at_addr(UINT64_MAX & ~0xfffull), STATUS_INVALID_ARGS);

	CHECK_EQ(region_map_attach(&rm, &ds, 2 * PAGE, 0, at_addr(0x14000), &a), STATUS_OK);
	refused(&rm, &ds, PAGE, 0, at_addr(0x15000), STATUS_CONFLICT);     /* inside */
	refused(&rm, &ds, 2 * PAGE, 0, at_addr(0x13000), STATUS_CONFLICT); /* overlaps start */
	refused(&rm, &ds, 4 * PAGE, 0, at_addr(0x12000), STATUS_CONFLICT); /* covers it */
	CHECK_EQ(region_map_attach(&rm, &ds, 0, 0, at_addr(0x10000), &a), STATUS_OK);
	CHECK_EQ(region_map_attach(&rm, &ds, 0, 0, at_addr(0x16000), &a), STATUS_OK);
	CHECK_EQ(region_map_attach(&rm, &ds, 0, 0, at_addr(0x1a000), &a), STATUS_OK);
	/* 2 pages left, split: no room anywhere for 4 */
	refused(&rm, &ds, 0, 0, anywhere(), STATUS_CONFLICT);
	CHECK_EQ(dataspace_attach_count(&ds), 4);
	region_map_destroy(&rm);
	fixture_fini(&f);
}

static void
size_zero_and_rounding(void)
{
	struct fixture f;
	struct region_map rm;
	struct dataspace ds;
	struct region_map_lookup l;
	uint64_t a;

	fixture_init(&f, SIZE_MAX);
	dataspace_init(&ds, 4 * PAGE, 1);
	CHECK_EQ(region_map_init(&rm, 0, 64 * PAGE, &f.meta), STATUS_OK);

	/* size 0: the rest of the dataspace from offset, as Genode */
	CHECK_EQ(region_map_attach(&rm, &ds, 0, PAGE, at_addr(0x10000), &a), STATUS_OK);
	CHECK_EQ(region_map_used(&rm), 3 * PAGE);
	CHECK_EQ(region_map_lookup(&rm, 0x12fff, &l), STATUS_OK);
	CHECK_EQ(l.offset, 4 * PAGE - 1);
	CHECK_EQ(region_map_lookup(&rm, 0x13000, &l), STATUS_NOT_FOUND);

	/* a partial page is rounded up to a whole one */
	CHECK_EQ(region_map_attach(&rm, &ds, 1, 3 * PAGE, at_addr(0x20000), &a), STATUS_OK);
	CHECK_EQ(region_map_used(&rm), 4 * PAGE);
	CHECK_EQ(region_map_lookup(&rm, 0x20fff, &l), STATUS_OK);
	CHECK_EQ(l.window_last, 0x20fff);
	region_map_destroy(&rm);
	fixture_fini(&f);
}

static void
anywhere_aligns_naturally(void)
{
	struct fixture f;
	struct region_map rm;
	struct dataspace small, big;
	uint64_t a;

	fixture_init(&f, SIZE_MAX);
	dataspace_init(&small, PAGE, 1);
	dataspace_init(&big, 16 * PAGE, 2);
	CHECK_EQ(region_map_init(&rm, 0x1000, 0x100000, &f.meta), STATUS_OK);
	CHECK_EQ(region_map_attach(&rm, &small, 0, 0, anywhere(), &a), STATUS_OK);
	CHECK_EQ(a, 0x1000);
	CHECK_EQ(region_map_attach(&rm, &big, 0, 0, anywhere(), &a), STATUS_OK);
	CHECK_EQ(a, 0x10000); /* 64 KiB aligned, not at 0x2000 */
	CHECK_EQ(region_map_attach(&rm, &big, 8 * PAGE, 0, anywhere(), &a), STATUS_OK);
	CHECK_EQ(a, 0x8000); /* fills the gap below, aligned to 32 KiB */
	CHECK_EQ(region_map_attach(&rm, &big, 3 * PAGE, 0, anywhere(), &a), STATUS_OK);
	CHECK_EQ(a, 0x2000); /* 8 KiB alignment is the best that 12 KiB can get */

	/* a space with only unaligned room still serves at page alignment */
	struct region_map tight;
	CHECK_EQ(region_map_init(&tight, 0x3000, 16 * PAGE, &f.meta), STATUS_OK);
	CHECK_EQ(region_map_attach(&tight, &big, 0, 0, anywhere(), &a), STATUS_OK);
	CHECK_EQ(a, 0x3000);
	region_map_destroy(&tight);
	region_map_destroy(&rm);
	fixture_fini(&f);
}

static void
detach_rules(void)
{
	struct fixture f;
	struct region_map rm;
	struct dataspace ds;
	struct region_map_lookup l;
	uint64_t a;

	fixture_init(&f, SIZE_MAX);
	dataspace_init(&ds, 4 * PAGE, 1);
	CHECK_EQ(region_map_init(&rm, 0, 64 * PAGE, &f.meta), STATUS_OK);
	CHECK_EQ(region_map_detach(&rm, 0), STATUS_NOT_FOUND);
	CHECK_EQ(region_map_attach(&rm, &ds, 0, 0, at_addr(0x8000), &a), STATUS_OK);
	CHECK_EQ(region_map_attach(&rm, &ds, 0, 0, at_addr(0xc000), &a), STATUS_OK);
	CHECK_EQ(region_map_detach(&rm, 0x7fff), STATUS_NOT_FOUND);
	CHECK_EQ(region_map_detach(&rm, 0x10000), STATUS_NOT_FOUND);
	CHECK_EQ(region_map_detach(&rm, UINT64_MAX), STATUS_NOT_FOUND);

	/* any address inside a region detaches all of it, and only it */
	CHECK_EQ(region_map_detach(&rm, 0xa123), STATUS_OK);
	CHECK_EQ(region_map_region_count(&rm), 1);
	CHECK_EQ(region_map_lookup(&rm, 0x8000, &l), STATUS_NOT_FOUND);
	CHECK_EQ(region_map_lookup(&rm, 0xc000, &l), STATUS_OK);
	CHECK_EQ(region_map_detach(&rm, 0x8000), STATUS_NOT_FOUND);
	CHECK_EQ(dataspace_attach_count(&ds), 1);

	/* the space is free again */
	CHECK_EQ(region_map_attach(&rm, &ds, 0, 0, at_addr(0x8000), &a), STATUS_OK);
	CHECK(region_map_check(&rm));
	region_map_destroy(&rm);
	fixture_fini(&f);
}

static void
detach_everywhere(void)
{
	struct fixture f;
	struct region_map one, two;
	struct dataspace ds, other;
	struct region_map_lookup l;
	uint64_t a;

	fixture_init(&f, SIZE_MAX);
	dataspace_init(&ds, PAGE, 1);
	dataspace_init(&other, PAGE, 2);
	CHECK_EQ(region_map_init(&one, 0, 64 * PAGE, &f.meta), STATUS_OK);
	CHECK_EQ(region_map_init(&two, 0, 64 * PAGE, &f.meta), STATUS_OK);
	for (unsigned i = 0; i < 3; i++) {
		CHECK_EQ(region_map_attach(&one, &ds, 0, 0, anywhere(), &a), STATUS_OK);
		CHECK_EQ(region_map_attach(&two, &ds, 0, 0, anywhere(), &a), STATUS_OK);
	}
	CHECK_EQ(region_map_attach(&two, &other, 0, 0, anywhere(), &a), STATUS_OK);
	CHECK_EQ(dataspace_attach_count(&ds), 6);

	region_map_detach_everywhere(&ds);
	CHECK_EQ(dataspace_attach_count(&ds), 0);
	CHECK_EQ(region_map_region_count(&one), 0);
	CHECK_EQ(region_map_region_count(&two), 1);
	CHECK_EQ(region_map_lookup(&two, a, &l), STATUS_OK);
	CHECK(l.ds == &other);
	CHECK(region_map_check(&one) && region_map_check(&two));
	region_map_destroy(&one);
	region_map_destroy(&two);
	fixture_fini(&f);
}

/* fill until metadata runs out; the failing attach must change nothing */
static void
out_of_metadata(void)
{
	struct fixture f;
	struct region_map rm;
	struct dataspace ds, two;
	uint64_t a;
	status_t st = STATUS_OK;

	fixture_init(&f, SIZE_MAX);
	dataspace_init(&ds, PAGE, 1);
	dataspace_init(&two, 2 * PAGE, 2);
	CHECK_EQ(region_map_init(&rm, 0, 4096 * PAGE, &f.meta), STATUS_OK);
	f.tb.limit = f.tb.bytes; /* no further chunk */
	unsigned n = 0;
	/* every other page, so that each region also splits a free block */
	for (; n < 4096 &&
	       (st = region_map_attach(&rm, &ds, 0, 0, at_addr(2 * n * PAGE), &a)) == STATUS_OK;
	     n++)
		;
	CHECK_EQ(st, STATUS_OUT_OF_MEMORY);
	CHECK(n > 0);
	CHECK_EQ(region_map_region_count(&rm), n);
	CHECK_EQ(region_map_used(&rm), (uint64_t)n * PAGE);
	CHECK(region_map_check(&rm));
	/* the gaps of one page need no metadata, the tail must be split */
	refused(&rm, &two, 0, 0, anywhere(), STATUS_OUT_OF_MEMORY);
	refused(&rm, &ds, 0, 0, at_addr(2 * n * PAGE + PAGE), STATUS_OUT_OF_MEMORY);
	/* a conflict is reported as such, even without metadata */
	refused(&rm, &ds, 0, 0, at_addr(0), STATUS_CONFLICT);

	/* once metadata is back, the same attach works */
	CHECK_EQ(region_map_detach(&rm, 0), STATUS_OK);
	CHECK_EQ(region_map_detach(&rm, 2 * PAGE), STATUS_OK);
	CHECK_EQ(region_map_attach(&rm, &ds, 0, 0, at_addr(2 * n * PAGE), &a), STATUS_OK);
	region_map_destroy(&rm);
	fixture_fini(&f);
}

TEST_MAIN(TEST_CASE(init_rules), TEST_CASE(init_without_metadata), TEST_CASE(attach_at_and_lookup),
          TEST_CASE(attach_errors), TEST_CASE(size_zero_and_rounding),
          TEST_CASE(anywhere_aligns_naturally), TEST_CASE(detach_rules),
          TEST_CASE(detach_everywhere), TEST_CASE(out_of_metadata), TEST_CASE(nested_resolve),
          TEST_CASE(nested_hole_names_inner_map), TEST_CASE(nested_window_clipped),
          TEST_CASE(nesting_limit), TEST_CASE(cycles_refused), TEST_CASE(nested_destroy),
          TEST_CASE(random_flat), TEST_CASE(random_flat_tight), TEST_CASE(random_nested))
