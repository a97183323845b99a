/*
 * \brief  Unit test: the range allocator against a per-address model
 *
 * A window of SPACE addresses at some base is modelled byte by byte: each
 * address is unmanaged, free or used, and used_size[i] says where a used
 * block starts. Random operations are applied to both, with the results
 * and then the whole block layout compared.
 */

#include <stdint.h>
#include <string.h>

#include <util/range_alloc.h>

#include "../../harness/harness.h"
#include "../heap/test_backing.h"
#include "cases.h"

enum { SPACE = 1024 };
enum state { UNMANAGED, FREE, USED };

struct model {
	uint64_t base;
	bool tight;    /* metadata is scarce: STATUS_OUT_OF_MEMORY is allowed */
	unsigned ooms; /* operations that ran out of metadata */
	unsigned char state[SPACE];
	uint32_t used_size[SPACE]; /* size of the used block starting here, or 0 */
};


/* what the allocator must report for [i, i + n): the first offending address decides */
static status_t
model_scan(const struct model *m, uint32_t i, uint32_t n)
{
	for (uint32_t j = i; j < i + n; j++) {
		if (m->state[j] == UNMANAGED)
			return STATUS_NOT_FOUND;
		if (m->state[j] == USED)
			return STATUS_CONFLICT;
	}
	return STATUS_OK;
}

static void
model_set(struct model *m, uint32_t i, uint32_t n, enum state s)
{
	memset(m->state + i, s, n);
}

/* the first address that is aligned and starts n free addresses */
static int64_t
model_first_fit(const struct model *m, uint32_t n, unsigned align_log2)
{
	uint64_t mask = ((uint64_t)1 << align_log2) - 1;
	for (uint32_t i = 0; i + n <= SPACE; i++)
		if (((m->base + i) & mask) == 0 && model_scan(m, i, n) == STATUS_OK)
			return i;
	return -1;
}

static uint64_t
model_avail(const struct model *m)
{
	uint64_t n = 0;
	for (uint32_t i = 0; i < SPACE; i++)
		n += m->state[i] == FREE;
	return n;
}

/* compare one reported block with the model, advancing *i past it */
static bool
block_matches(const struct model *m, const struct range_alloc_info *b, uint32_t *i)
{
	while (*i < SPACE && m->state[*i] == UNMANAGED)
		(*i)++;
	if (*i == SPACE || b->addr != m->base + *i || b->used != (m->state[*i] == USED))
		return false;
	uint32_t n = 0;
	if (b->used) {
		n = m->used_size[*i];
	} else {
		while (*i + n < SPACE && m->state[*i + n] == FREE)
			n++;
	}
	*i += n;
	return b->size == n;
}

static bool
model_layout_matches(const struct model *m, const struct range_alloc *ra)
{
	struct range_alloc_info b;
	uint32_t i = 0;

	for (bool more = range_alloc_block_first(ra, &b); more;
	     more = range_alloc_block_next(ra, &b))
		if (!block_matches(m, &b, &i))
			return false;
	while (i < SPACE && m->state[i] == UNMANAGED)
		i++;
	return i == SPACE && range_alloc_avail(ra) == model_avail(m) && range_alloc_check(ra);
}

/*
 * Judge an operation's status against the model's verdict. Running out of
 * metadata is acceptable only where metadata is scarce and the operation
 * would otherwise have worked, and it must leave the layout unchanged.
 */
static bool
outcome_ok(struct model *m, const struct range_alloc *ra, status_t got, status_t want)
{
	if (got == STATUS_OUT_OF_MEMORY && m->tight && want == STATUS_OK) {
		m->ooms++;
		return model_layout_matches(m, ra);
	}
	return got == want;
}

static void
random_range(uint32_t max_len, uint32_t *i, uint32_t *n)
{
	*i = test_random(SPACE);
	uint32_t room = SPACE - *i;
	*n = 1 + test_random(room < max_len ? room : max_len);
}

/*
 * Half of the time a range inside a free run, so that the operations that
 * need free space succeed often enough to keep the layout changing.
 */
static void
random_free_range(const struct model *m, uint32_t max_len, uint32_t *i, uint32_t *n)
{
	random_range(max_len, i, n);
	if (test_random(2))
		return;
	for (uint32_t k = 0; k < SPACE; k++) {
		uint32_t j = (*i + k) % SPACE, run = 0;
		while (j + run < SPACE && run < max_len && m->state[j + run] == FREE)
			run++;
		if (run) {
			*i = j;
			*n = 1 + test_random(run);
			return;
		}
	}
}

static bool
op_add(struct model *m, struct range_alloc *ra)
{
	uint32_t i, n;
	random_range(128, &i, &n);
	status_t want = STATUS_OK;
	for (uint32_t j = i; j < i + n; j++)
		if (m->state[j] != UNMANAGED)
			want = STATUS_CONFLICT;
	status_t got = range_alloc_add(ra, m->base + i, n);
	if (got == STATUS_OK && want == STATUS_OK)
		model_set(m, i, n, FREE);
	return outcome_ok(m, ra, got, want);
}

static bool
op_remove(struct model *m, struct range_alloc *ra)
{
	uint32_t i, n;
	random_free_range(m, 64, &i, &n);
	status_t want = model_scan(m, i, n);
	status_t got = range_alloc_remove(ra, m->base + i, n);
	if (got == STATUS_OK && want == STATUS_OK)
		model_set(m, i, n, UNMANAGED);
	return outcome_ok(m, ra, got, want);
}

static void
model_use(struct model *m, uint32_t i, uint32_t n)
{
	model_set(m, i, n, USED);
	m->used_size[i] = n;
}

static bool
op_alloc(struct model *m, struct range_alloc *ra)
{
	uint32_t n = test_random(8) ? 1 + test_random(16) : 1 + test_random(256);
	unsigned align = test_random(8);
	uint64_t addr = 0;
	int64_t at = model_first_fit(m, n, align);
	status_t want = at < 0 ? STATUS_NOT_FOUND : STATUS_OK;
	status_t got = range_alloc_alloc_aligned(ra, n, align, &addr);

	if (got == STATUS_OK && want == STATUS_OK) {
		if (addr != m->base + (uint64_t)at)
			return false;
		model_use(m, (uint32_t)at, n);
	}
	return outcome_ok(m, ra, got, want);
}

static bool
op_alloc_at(struct model *m, struct range_alloc *ra)
{
	uint32_t i, n;
	random_free_range(m, 32, &i, &n);
	status_t want = model_scan(m, i, n);
	status_t got = range_alloc_alloc_at(ra, m->base + i, n);
	if (got == STATUS_OK && want == STATUS_OK)
		model_use(m, i, n);
	return outcome_ok(m, ra, got, want);
}

/* mostly the start of a live block, sometimes any address */
static uint32_t
free_target(const struct model *m)
{
	uint32_t i = test_random(SPACE);
	if (test_random(4) == 0)
		return i;
	for (uint32_t k = 0; k < SPACE; k++)
		if (m->used_size[(i + k) % SPACE])
			return (i + k) % SPACE;
	return i;
}

static bool
op_free(struct model *m, struct range_alloc *ra)
{
	uint32_t i = free_target(m), n = m->used_size[i];
	uint64_t size = 0;
	status_t want = n ? STATUS_OK : STATUS_NOT_FOUND;

	if (range_alloc_size_at(ra, m->base + i, &size) != want || (n && size != n))
		return false;
	if (range_alloc_free(ra, m->base + i) != want)
		return false;
	if (n) {
		model_set(m, i, n, FREE);
		m->used_size[i] = 0;
	}
	return true;
}

static bool
random_op(struct model *m, struct range_alloc *ra)
{
	/* where metadata is scarce, free more, so that the layout keeps moving */
	if (m->tight && test_random(3) == 0)
		return op_free(m, ra);
	uint32_t r = test_random(100);
	if (r < 10)
		return op_add(m, ra);
	if (r < 20)
		return op_remove(m, ra);
	if (r < 50)
		return op_alloc(m, ra);
	if (r < 65)
		return op_alloc_at(m, ra);
	return op_free(m, ra);
}

/* run steps random operations on a window at base; meta_limit bounds the slab */
static void
run_model(uint64_t base, size_t meta_limit, unsigned steps)
{
	static struct model m;
	struct test_backing tb;
	struct slab meta;
	struct range_alloc ra;
	unsigned done = 0;

	memset(&m, 0, sizeof(m));
	m.base = base;
	m.tight = meta_limit != SIZE_MAX;
	test_random_seed(0x9e3779b97f4a7c15ull ^ base);
	test_backing_init(&tb, meta_limit);
	struct heap_backing ops = test_backing_ops(&tb);
	CHECK_EQ(slab_init(&meta, RANGE_ALLOC_META_SIZE, &ops), STATUS_OK);
	CHECK_EQ(range_alloc_init(&ra, &meta), STATUS_OK);

	for (; done < steps; done++) {
		if (!random_op(&m, &ra))
			break;
		if (done % 64 == 0 && !model_layout_matches(&m, &ra))
			break;
	}
	CHECK_EQ(done, steps);
	CHECK(model_layout_matches(&m, &ra));
	CHECK(!m.tight || m.ooms > 0);

	range_alloc_destroy(&ra);
	CHECK_EQ(slab_used(&meta), 0);
	slab_destroy(&meta);
	CHECK_EQ(tb.bytes, 0);
	CHECK_EQ(tb.chunks, 0);
	CHECK_EQ(tb.bad_frees, 0);
	test_backing_fini(&tb);
}

void
random_window_low(void)
{
	run_model(0, SIZE_MAX, 40000);
}

void
random_window_4g(void)
{
	run_model(((uint64_t)1 << 32) - SPACE / 2, SIZE_MAX, 40000);
}

void
random_window_top(void)
{
	run_model(UINT64_MAX - SPACE + 1, SIZE_MAX, 40000);
}

void
random_window_odd(void)
{
	run_model(0x123457, SIZE_MAX, 40000);
}

void
random_tight_metadata(void)
{
	run_model(0x10000, SLAB_CHUNK_MIN, 40000);
}
