/*
 * \brief  Unit test: managed dataspaces, nesting limit and cycle refusal
 */

#include <stdint.h>

#include "cases.h"
#include "fixture.h"

/*
 * top [0x40000000, +256 MiB) shows sub1 [0, 1 MiB) at 0x40100000 from
 * offset 0x8000, and again at 0x4f000000 two pages from 0x13000; sub1
 * shows sub2 [0x7000000, +64 pages) at 0x10000 from 0x2000; sub2 shows
 * the leaf dataspace at 0x7004000, 8 pages from 0x2000.
 */
struct three_levels {
	struct fixture f;
	struct region_map top, sub1, sub2;
	struct dataspace leaf;
};

static void
three_levels_init(struct three_levels *t)
{
	uint64_t a;

	fixture_init(&t->f, SIZE_MAX);
	dataspace_init(&t->leaf, 32 * PAGE, 7);
	CHECK_EQ(region_map_init(&t->top, 0x40000000, 0x10000000, &t->f.meta), STATUS_OK);
	CHECK_EQ(region_map_init(&t->sub1, 0, 0x100000, &t->f.meta), STATUS_OK);
	CHECK_EQ(region_map_init(&t->sub2, 0x7000000, 64 * PAGE, &t->f.meta), STATUS_OK);
	CHECK_EQ(region_map_attach(&t->sub2, &t->leaf, 8 * PAGE, 0x2000, at_addr(0x7004000), &a),
	         STATUS_OK);
	CHECK_EQ(region_map_attach(&t->sub1, &t->sub2.ds, 16 * PAGE, 0x2000, at_addr(0x10000), &a),
	         STATUS_OK);
	CHECK_EQ(region_map_attach(&t->top, &t->sub1.ds, 0x20000, 0x8000, at_addr(0x40100000), &a),
	         STATUS_OK);
	CHECK_EQ(region_map_attach(&t->top, &t->sub1.ds, 0x2000, 0x13000, at_addr(0x4f000000), &a),
	         STATUS_OK);
}

static void
three_levels_fini(struct three_levels *t)
{
	CHECK(region_map_check(&t->top) && region_map_check(&t->sub1) &&
	      region_map_check(&t->sub2));
	region_map_destroy(&t->top);
	region_map_destroy(&t->sub1);
	region_map_destroy(&t->sub2);
	CHECK_EQ(dataspace_attach_count(&t->leaf), 0);
	fixture_fini(&t->f);
}

void
nested_resolve(void)
{
	struct three_levels t;
	struct region_map_lookup l;

	three_levels_init(&t);
	CHECK_EQ(region_map_lookup(&t.top, 0x4010b456, &l), STATUS_OK);
	CHECK(l.ds == &t.leaf && l.map == &t.sub2);
	CHECK_EQ(l.offset, 0x3456);
	CHECK_EQ(l.addr, 0x7005456);
	CHECK_EQ(l.depth, 3);
	/* the leaf's region decides: 8 pages around the address */
	CHECK_EQ(l.window_first, 0x4010a000);
	CHECK_EQ(l.window_last, 0x40111fff);

	/* the inner maps resolve on their own too */
	CHECK_EQ(region_map_lookup(&t.sub1, 0x13456, &l), STATUS_OK);
	CHECK(l.ds == &t.leaf);
	CHECK_EQ(l.offset, 0x3456);
	CHECK_EQ(l.depth, 2);
	three_levels_fini(&t);
}

void
nested_hole_names_inner_map(void)
{
	struct three_levels t;
	struct region_map_lookup l;

	three_levels_init(&t);
	/* in sub1's part of top, but nothing at sub1's 0x9000 */
	CHECK_EQ(region_map_lookup(&t.top, 0x40101000, &l), STATUS_NOT_FOUND);
	CHECK(l.map == &t.sub1);
	CHECK_EQ(l.addr, 0x9000);
	CHECK_EQ(l.depth, 2);
	/* the hole: sub1's start of the window up to where sub2 begins */
	CHECK_EQ(l.window_first, 0x40100000);
	CHECK_EQ(l.window_last, 0x40107fff);
	/* reaches sub2 at 0x7002000, below the leaf */
	CHECK_EQ(region_map_lookup(&t.top, 0x40108800, &l), STATUS_NOT_FOUND);
	CHECK(l.map == &t.sub2);
	CHECK_EQ(l.addr, 0x7002800);
	CHECK_EQ(l.depth, 3);
	/* sub2's hole below the leaf, clipped to the part sub1 shows */
	CHECK_EQ(l.window_first, 0x40108000);
	CHECK_EQ(l.window_last, 0x40109fff);
	/* nothing at top level: from top's start up to sub1's first region */
	CHECK_EQ(region_map_lookup(&t.top, 0x40000000, &l), STATUS_NOT_FOUND);
	CHECK(l.map == &t.top);
	CHECK_EQ(l.depth, 1);
	CHECK_EQ(l.window_first, 0x40000000);
	CHECK_EQ(l.window_last, 0x400fffff);
	/* between the two regions of sub1 in top, and after the last one */
	CHECK_EQ(region_map_lookup(&t.top, 0x40200000, &l), STATUS_NOT_FOUND);
	CHECK_EQ(l.window_first, 0x40120000);
	CHECK_EQ(l.window_last, 0x4effffff);
	CHECK_EQ(region_map_lookup(&t.top, 0x4fffffff, &l), STATUS_NOT_FOUND);
	CHECK_EQ(l.window_first, 0x4f002000);
	CHECK_EQ(l.window_last, 0x4fffffff);

	/* filling the hole in sub1 resolves the fault without touching top */
	struct dataspace ds;
	uint64_t a;
	dataspace_init(&ds, PAGE, 9);
	CHECK_EQ(region_map_attach(&t.sub1, &ds, 0, 0, at_addr(0x9000), &a), STATUS_OK);
	CHECK_EQ(region_map_lookup(&t.top, 0x40101010, &l), STATUS_OK);
	CHECK(l.ds == &ds);
	CHECK_EQ(l.offset, 0x10);
	CHECK_EQ(l.window_first, 0x40101000);
	CHECK_EQ(l.window_last, 0x40101fff);
	three_levels_fini(&t);
}

void
nested_window_clipped(void)
{
	struct three_levels t;
	struct region_map_lookup l;

	three_levels_init(&t);
	/* top's second region shows only 2 pages of sub1: they bound the window */
	CHECK_EQ(region_map_lookup(&t.top, 0x4f000800, &l), STATUS_OK);
	CHECK(l.ds == &t.leaf);
	CHECK_EQ(l.offset, 0x3800);
	CHECK_EQ(l.window_first, 0x4f000000);
	CHECK_EQ(l.window_last, 0x4f001fff);
	/* the middle level bounds it: sub1's region of sub2 ends at 0x1ffff */
	CHECK_EQ(region_map_detach(&t.sub2, 0x7004000), STATUS_OK);
	uint64_t a;
	CHECK_EQ(region_map_attach(&t.sub2, &t.leaf, 0, 0, at_addr(0x7000000), &a), STATUS_OK);
	CHECK_EQ(region_map_lookup(&t.top, 0x40117000, &l), STATUS_OK);
	CHECK_EQ(l.offset, 0x11000);
	CHECK_EQ(l.window_first, 0x40108000);
	CHECK_EQ(l.window_last, 0x40117fff);
	three_levels_fini(&t);
}

enum { CHAIN = REGION_MAP_NESTING_MAX + 2 };

/* outer shows the first page of inner at addr */
static status_t
show(struct region_map *outer, struct region_map *inner, uint64_t addr)
{
	uint64_t a;
	return region_map_attach(outer, &inner->ds, PAGE, 0, at_addr(addr), &a);
}

void
nesting_limit(void)
{
	struct fixture f;
	struct region_map m[CHAIN];
	struct dataspace leaf;
	struct region_map_lookup l;
	uint64_t a;

	fixture_init(&f, SIZE_MAX);
	dataspace_init(&leaf, PAGE, 3);
	for (unsigned i = 0; i < CHAIN; i++)
		CHECK_EQ(region_map_init(&m[i], 0, 16 * PAGE, &f.meta), STATUS_OK);

	/* m0 > m1 > m2 > m3 is the longest chain allowed, all at page 0 */
	for (unsigned i = 1; i < REGION_MAP_NESTING_MAX; i++)
		CHECK_EQ(show(&m[i - 1], &m[i], 0), STATUS_OK);
	unsigned last = REGION_MAP_NESTING_MAX - 1;
	CHECK_EQ(region_map_attach(&m[last], &leaf, 0, 0, at_addr(0), &a), STATUS_OK);
	CHECK_EQ(region_map_lookup(&m[0], 5, &l), STATUS_OK);
	CHECK(l.ds == &leaf && l.map == &m[last]);
	CHECK_EQ(l.depth, REGION_MAP_NESTING_MAX);
	CHECK_EQ(l.offset, 5);

	/* one more level below the deepest map is refused */
	CHECK_EQ(show(&m[last], &m[last + 1], PAGE), STATUS_DENIED);
	/* also from above: the whole chain into another map */
	CHECK_EQ(show(&m[last + 1], &m[0], PAGE), STATUS_DENIED);
	/* a second, shorter path does not lift the limit of the longer one */
	CHECK_EQ(show(&m[0], &m[last], 2 * PAGE), STATUS_OK);
	CHECK_EQ(show(&m[last], &m[last + 1], PAGE), STATUS_DENIED);

	/* a two-level chain fits below m1 (depth 2), but not below m2 */
	CHECK_EQ(show(&m[last + 1], &m[last + 2], 0), STATUS_OK);
	CHECK_EQ(show(&m[2], &m[last + 1], PAGE), STATUS_DENIED);
	CHECK_EQ(show(&m[1], &m[last + 1], PAGE), STATUS_OK);
	for (unsigned i = 0; i < CHAIN; i++)
		CHECK(region_map_check(&m[i]));

	/* cutting m0 off makes m1 the outermost map, so there is room again */
	CHECK_EQ(region_map_detach(&m[0], 0), STATUS_OK);
	CHECK_EQ(region_map_detach(&m[0], 2 * PAGE), STATUS_OK);
	CHECK_EQ(show(&m[2], &m[last + 1], PAGE), STATUS_OK);
	CHECK_EQ(region_map_lookup(&m[1], 5, &l), STATUS_OK);
	CHECK_EQ(l.depth, REGION_MAP_NESTING_MAX - 1);
	for (unsigned i = 0; i < CHAIN; i++)
		region_map_destroy(&m[i]);
	fixture_fini(&f);
}

void
cycles_refused(void)
{
	struct fixture f;
	struct region_map a, b, c;
	uint64_t at;

	fixture_init(&f, SIZE_MAX);
	CHECK_EQ(region_map_init(&a, 0, 16 * PAGE, &f.meta), STATUS_OK);
	CHECK_EQ(region_map_init(&b, 0, 16 * PAGE, &f.meta), STATUS_OK);
	CHECK_EQ(region_map_init(&c, 0, 16 * PAGE, &f.meta), STATUS_OK);

	CHECK_EQ(region_map_attach(&a, &a.ds, PAGE, 0, anywhere(), &at), STATUS_DENIED);
	CHECK_EQ(region_map_attach(&b, &a.ds, PAGE, 0, anywhere(), &at), STATUS_OK);
	CHECK_EQ(region_map_attach(&a, &b.ds, PAGE, 0, anywhere(), &at), STATUS_DENIED);
	CHECK_EQ(region_map_attach(&c, &b.ds, PAGE, 0, anywhere(), &at), STATUS_OK);
	CHECK_EQ(region_map_attach(&a, &c.ds, PAGE, 0, anywhere(), &at), STATUS_DENIED);
	CHECK_EQ(region_map_attach(&b, &c.ds, PAGE, 0, anywhere(), &at), STATUS_DENIED);
	/* a second path to the same map is no cycle */
	CHECK_EQ(region_map_attach(&c, &a.ds, PAGE, 0, anywhere(), &at), STATUS_OK);
	CHECK_EQ(region_map_region_count(&a), 0);
	CHECK(region_map_check(&a) && region_map_check(&b) && region_map_check(&c));

	/* once b no longer shows a, a may show b */
	CHECK_EQ(region_map_detach(&b, 0), STATUS_OK);
	CHECK_EQ(region_map_attach(&a, &b.ds, PAGE, 0, anywhere(), &at), STATUS_OK);
	CHECK_EQ(region_map_attach(&c, &a.ds, PAGE, 0, anywhere(), &at), STATUS_OK);
	region_map_destroy(&a);
	region_map_destroy(&b);
	region_map_destroy(&c);
	fixture_fini(&f);
}

void
nested_destroy(void)
{
	struct three_levels t;
	struct region_map_lookup l;
	uint64_t a;

	three_levels_init(&t);
	CHECK_EQ(dataspace_attach_count(&t.sub1.ds), 2);
	/* destroying a map that is shown elsewhere takes it out there */
	region_map_destroy(&t.sub2);
	CHECK_EQ(region_map_region_count(&t.sub1), 0);
	CHECK_EQ(region_map_lookup(&t.top, 0x4010b456, &l), STATUS_NOT_FOUND);
	CHECK(l.map == &t.sub1);
	CHECK_EQ(region_map_init(&t.sub2, 0x7000000, 64 * PAGE, &t.f.meta), STATUS_OK);

	/* destroying the outer map leaves the inner one intact and free */
	region_map_destroy(&t.top);
	CHECK_EQ(dataspace_attach_count(&t.sub1.ds), 0);
	CHECK_EQ(region_map_attach(&t.sub1, &t.sub2.ds, 0, 0, at_addr(0), &a), STATUS_OK);
	CHECK(region_map_check(&t.sub1));
	CHECK_EQ(region_map_init(&t.top, 0x40000000, 0x10000000, &t.f.meta), STATUS_OK);
	three_levels_fini(&t);
}
