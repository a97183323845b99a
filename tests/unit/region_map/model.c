/*
 * \brief  Unit test: region maps against a per-page reference model
 *
 * Each map of PAGES pages is modelled as a table of regions plus, per
 * page, the index of the region covering it. Random attaches (valid and
 * invalid), detaches and lookups are applied to both and compared. The
 * nested variant runs two maps whose dataspace pools contain each other,
 * so attaches are refused exactly when they would close a cycle, and
 * lookups are resolved through the other map's model.
 */

#include <stdint.h>

#include "cases.h"
#include "fixture.h"

enum { PAGES = 64, LEAVES = 4, MAPS = 2 };

struct mregion {
	struct dataspace *ds;
	uint64_t base, size, offset;
};

struct model {
	struct region_map rm;
	uint64_t base;
	int page[PAGES]; /* region index or -1 */
	struct mregion reg[PAGES];
};

struct world {
	struct fixture f;
	struct model map[MAPS];
	unsigned maps;
	struct dataspace leaf[LEAVES];
	bool tight;    /* metadata is scarce: STATUS_OUT_OF_MEMORY is allowed */
	unsigned ooms; /* operations that ran out of metadata */
	unsigned ok_attaches, lookups_ok, nested, denied;
};

static const struct model *
model_of(const struct world *w, const struct region_map *rm)
{
	for (unsigned i = 0; i < w->maps; i++)
		if (&w->map[i].rm == rm)
			return &w->map[i];
	return 0;
}

static int
model_region_at(const struct model *m, uint64_t addr)
{
	if (addr < m->base || addr - m->base >= (uint64_t)PAGES * PAGE)
		return -1;
	return m->page[(addr - m->base) / PAGE];
}

/* whether map x shows map y (directly; two maps cannot nest deeper) */
static bool
model_shows(const struct model *x, const struct model *y)
{
	for (unsigned i = 0; i < PAGES; i++)
		if (x->page[i] >= 0 && x->reg[x->page[i]].ds == &y->rm.ds)
			return true;
	return false;
}

/* the page-rounded size of a valid request, or 0 for an invalid one */
static uint64_t
model_size(const struct dataspace *ds, uint64_t size, uint64_t offset)
{
	if (offset % PAGE || offset > ds->size)
		return 0;
	if (size == 0)
		size = ds->size - offset;
	size = (size + PAGE - 1) / PAGE * PAGE;
	return size <= ds->size - offset ? size : 0;
}

static bool
model_free(const struct model *m, uint64_t first_page, uint64_t pages)
{
	for (uint64_t p = first_page; p < first_page + pages; p++)
		if (m->page[p] >= 0)
			return false;
	return true;
}

/* natural alignment first, then less, lowest address first */
static status_t
model_anywhere(const struct model *m, uint64_t size, uint64_t *addr)
{
	unsigned a = 63;
	while (!(size >> a))
		a--;
	for (; a >= DATASPACE_PAGE_SIZE_LOG2; a--)
		for (uint64_t p = 0; p + size / PAGE <= PAGES; p++)
			if (((m->base + p * PAGE) & (((uint64_t)1 << a) - 1)) == 0 &&
			    model_free(m, p, size / PAGE)) {
				*addr = m->base + p * PAGE;
				return STATUS_OK;
			}
	return STATUS_CONFLICT;
}

static status_t
model_attach(const struct world *w, const struct model *m, const struct dataspace *ds,
             uint64_t size, uint64_t offset, struct region_map_at at, uint64_t *addr)
{
	size = model_size(ds, size, offset);
	if (!size)
		return STATUS_INVALID_ARGS;
	uint64_t end = m->base + (uint64_t)PAGES * PAGE;
	if (!at.anywhere &&
	    (at.addr % PAGE || at.addr < m->base || at.addr >= end || size > end - at.addr))
		return STATUS_INVALID_ARGS;
	if (ds->managed && (ds->managed == &m->rm || model_shows(model_of(w, ds->managed), m)))
		return STATUS_DENIED;
	if (at.anywhere)
		return model_anywhere(m, size, addr);
	*addr = at.addr;
	return model_free(m, (at.addr - m->base) / PAGE, size / PAGE) ? STATUS_OK : STATUS_CONFLICT;
}

static void
model_add(struct model *m, struct dataspace *ds, uint64_t base, uint64_t size, uint64_t offset)
{
	uint64_t first = (base - m->base) / PAGE;
	m->reg[first] = (struct mregion){ds, base, size, offset};
	for (uint64_t p = first; p < first + size / PAGE; p++)
		m->page[p] = (int)first;
}

static void
model_remove(struct model *m, int r)
{
	for (unsigned p = 0; p < PAGES; p++)
		if (m->page[p] == r)
			m->page[p] = -1;
}

/* resolve like region_map_lookup: the leaf, its offset and the depth */
static status_t
model_resolve(const struct world *w, const struct model *m, uint64_t addr, struct dataspace **ds,
              uint64_t *offset, unsigned *depth)
{
	for (*depth = 1;; (*depth)++) {
		int r = model_region_at(m, addr);
		if (r < 0)
			return STATUS_NOT_FOUND;
		const struct mregion *g = &m->reg[r];
		uint64_t o = addr - g->base + g->offset;
		if (!g->ds->managed) {
			*ds = g->ds;
			*offset = o;
			return STATUS_OK;
		}
		m = model_of(w, g->ds->managed);
		addr = m->base + o;
	}
}

/* one lookup compared with the model, including its window's ends */
static bool
check_lookup(struct world *w, const struct model *m, uint64_t addr)
{
	struct region_map_lookup l;
	struct dataspace *ds = 0;
	uint64_t off = 0, off2 = 0;
	unsigned depth = 0;
	if (addr < m->base || addr - m->base >= (uint64_t)PAGES * PAGE)
		return region_map_lookup(&m->rm, addr, &l) == STATUS_INVALID_ARGS;
	status_t want = model_resolve(w, m, addr, &ds, &off, &depth);
	if (region_map_lookup(&m->rm, addr, &l) != want || l.depth != depth)
		return false;
	w->nested += l.depth > 1;
	if (want != STATUS_OK)
		return true;
	w->lookups_ok++;
	if (l.ds != ds || l.offset != off || l.window_first > addr || l.window_last < addr)
		return false;
	/* the window shows ds linearly, and within one region of m */
	uint64_t ends[2] = {l.window_first, l.window_last};
	for (unsigned i = 0; i < 2; i++)
		if (model_region_at(m, ends[i]) != model_region_at(m, addr) ||
		    model_resolve(w, m, ends[i], &ds, &off2, &depth) != STATUS_OK || ds != l.ds ||
		    off2 - off != ends[i] - addr)
			return false;
	/* a one-level window is exactly the region */
	const struct mregion *g = &m->reg[model_region_at(m, addr)];
	return l.depth > 1 || (l.window_first == g->base && l.window_last == g->base + g->size - 1);
}

static bool
model_matches(struct world *w, const struct model *m)
{
	uint64_t used = 0;
	unsigned long count = 0;
	for (unsigned p = 0; p < PAGES; p++) {
		used += m->page[p] >= 0 ? PAGE : 0;
		count += m->page[p] == (int)p;
		if (!check_lookup(w, m, m->base + p * PAGE + test_random(PAGE)))
			return false;
	}
	return region_map_used(&m->rm) == used && region_map_region_count(&m->rm) == count &&
	       region_map_check(&m->rm);
}

/*
 * Judge an operation's status against the model's verdict. Running out of
 * metadata is acceptable only where metadata is scarce and the operation
 * would otherwise have worked, and it must leave the map unchanged.
 */
static bool
outcome_ok(struct world *w, struct model *m, status_t got, status_t want)
{
	if (got == STATUS_OUT_OF_MEMORY && w->tight && want == STATUS_OK) {
		w->ooms++;
		return model_matches(w, m);
	}
	return got == want;
}

/* an address around the map, now and then outside or unaligned */
static uint64_t
random_addr(const struct model *m)
{
	uint64_t a = m->base + (uint64_t)test_random(PAGES + 8) * PAGE - 4 * PAGE;
	return test_random(16) ? a : a + test_random(PAGE);
}

static struct dataspace *
random_ds(struct world *w)
{
	unsigned i = test_random(LEAVES + w->maps);
	return i < LEAVES ? &w->leaf[i] : &w->map[i - LEAVES].rm.ds;
}

static bool
op_attach(struct world *w, struct model *m)
{
	struct dataspace *ds = random_ds(w);
	uint32_t pages = (uint32_t)(ds->size / PAGE);
	/* a whole map never fits into the other one: show a few of its pages */
	uint32_t size_pages = ds->managed ? 8 : pages;
	uint64_t size =
	        test_random(3) && !ds->managed ? 0 : (uint64_t)test_random(size_pages + 2) * PAGE;
	if (size && test_random(4) == 0)
		size -= test_random(PAGE);
	uint64_t offset = test_random(2) ? 0 : (uint64_t)test_random(pages + 2) * PAGE;
	if (test_random(32) == 0)
		offset += PAGE / 2;
	struct region_map_at at = {.anywhere = test_random(3) == 0, .addr = random_addr(m)};

	uint64_t got_addr = 0, want_addr = 0;
	status_t want = model_attach(w, m, ds, size, offset, at, &want_addr);
	status_t got = region_map_attach(&m->rm, ds, size, offset, at, &got_addr);
	if (got == STATUS_OK && want == STATUS_OK) {
		if (got_addr != want_addr)
			return false;
		model_add(m, ds, got_addr, model_size(ds, size, offset), offset);
		w->ok_attaches++;
	}
	w->denied += got == STATUS_DENIED;
	return outcome_ok(w, m, got, want);
}

static bool
op_detach(struct world *w, struct model *m)
{
	uint64_t addr = random_addr(m);
	int r = model_region_at(m, addr);
	status_t got = region_map_detach(&m->rm, addr);
	if (r >= 0)
		model_remove(m, r);
	return got == (r >= 0 ? STATUS_OK : STATUS_NOT_FOUND);
}

static bool
random_op(struct world *w)
{
	struct model *m = &w->map[test_random(w->maps)];
	switch (test_random(8)) {
	case 0:
	case 1:
	case 2:
		return op_detach(w, m);
	case 3:
		return check_lookup(w, m, random_addr(m));
	default:
		return op_attach(w, m);
	}
}

static void
world_init(struct world *w, unsigned maps, size_t meta_limit)
{
	static const uint64_t bases[MAPS] = {0x40000000, 0x123000};
	static const unsigned leaf_pages[LEAVES] = {1, 3, 8, 32};

	fixture_init(&w->f, meta_limit);
	w->maps = maps;
	w->tight = meta_limit != SIZE_MAX;
	w->ooms = w->ok_attaches = w->lookups_ok = w->nested = w->denied = 0;
	for (unsigned i = 0; i < LEAVES; i++)
		dataspace_init(&w->leaf[i], (uint64_t)leaf_pages[i] * PAGE, i);
	for (unsigned i = 0; i < maps; i++) {
		struct model *m = &w->map[i];
		m->base = bases[i];
		for (unsigned p = 0; p < PAGES; p++)
			m->page[p] = -1;
		CHECK_EQ(region_map_init(&m->rm, m->base, (uint64_t)PAGES * PAGE, &w->f.meta),
		         STATUS_OK);
	}
}

static void
run_model(unsigned maps, size_t meta_limit, unsigned steps, uint64_t seed)
{
	static struct world w;
	test_random_seed(seed);
	world_init(&w, maps, meta_limit);
	for (unsigned i = 0; i < steps; i++) {
		bool ok = random_op(&w);
		if (i % 64 == 0)
			for (unsigned k = 0; k < maps; k++)
				ok = ok && model_matches(&w, &w.map[k]);
		if (!CHECK(ok)) {
			CHECK_EQ(i, -1); /* report the failing step */
			break;
		}
	}
	for (unsigned k = 0; k < maps; k++)
		CHECK(model_matches(&w, &w.map[k]));
	/* the runs must have exercised what they claim to */
	CHECK(w.ok_attaches > steps / 20);
	CHECK(w.lookups_ok > steps / 20);
	CHECK(!w.tight || w.ooms > 0);
	CHECK(maps == 1 || (w.nested > steps / 20 && w.denied > steps / 100));
	for (unsigned k = 0; k < maps; k++)
		region_map_destroy(&w.map[k].rm);
	for (unsigned i = 0; i < LEAVES; i++)
		CHECK_EQ(dataspace_attach_count(&w.leaf[i]), 0);
	fixture_fini(&w.f);
}

void
random_flat(void)
{
	run_model(1, SIZE_MAX, 30000, 0x5eed0001);
}

/* little metadata: an attach may fail for it, and must then change nothing */
void
random_flat_tight(void)
{
	run_model(1, SLAB_CHUNK_MIN, 30000, 0x5eed0002);
}

/* two maps that show each other's pages: nested lookups and cycle refusal */
void
random_nested(void)
{
	run_model(MAPS, SIZE_MAX, 30000, 0x5eed0003);
}
