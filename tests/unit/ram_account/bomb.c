/*
 * \brief  Unit test: a randomized tree of accounts against a model
 *
 * In the spirit of Genode's bomb test: accounts are created below random
 * parents, receive quota, allocate, free (sometimes through the wrong
 * account), transfer in random directions and are destroyed with
 * everything they own, while some of their dataspaces are shown in a
 * region map. A model predicts every status and every account's figures;
 * quota is conserved throughout, and at the end the bank and the platform
 * are back where they started.
 */

#include <stdint.h>

#include "cases.h"
#include "fixture.h"

enum { ACCOUNTS = 24, DS_MAX = 512, ROOT_QUOTA = 4 << 20, STEPS = 20000 };

struct mds {
	struct ram_ds *ds; /* NULL: slot unused */
	int owner;
	bool shown;
};

struct bomb {
	struct fixture f;
	struct space space;
	struct ram_account acc[ACCOUNTS];
	bool live[ACCOUNTS];
	int ref[ACCOUNTS]; /* model: reference account or -1 */
	uint64_t quota[ACCOUNTS], used[ACCOUNTS];
	struct mds ds[DS_MAX];
	unsigned long shown, denied, exceeded, reclaimed;
};

static int
random_live(const struct bomb *b)
{
	for (unsigned tries = 0; tries < 4 * ACCOUNTS; tries++) {
		unsigned i = test_random(ACCOUNTS);
		if (b->live[i])
			return (int)i;
	}
	return 0; /* the root lives until the end */
}

static bool
op_create(struct bomb *b)
{
	unsigned i = test_random(ACCOUNTS);
	if (b->live[i])
		return true;
	int parent = random_live(b);
	bool ok = ram_account_init(&b->acc[i], &b->f.bank, &b->f.meta, 0) == STATUS_OK &&
	          ram_account_ref(&b->acc[i], &b->acc[parent]) == STATUS_OK;
	b->live[i] = true;
	b->ref[i] = parent;
	b->quota[i] = b->used[i] = 0;
	return ok;
}

static bool
op_transfer(struct bomb *b)
{
	int from = random_live(b), to = random_live(b);
	uint64_t avail = b->quota[from] - b->used[from];
	uint64_t amount = test_random(4) ? avail / (1 + test_random(4)) : avail + 1;
	status_t want = STATUS_OK;
	if (b->ref[from] != to && b->ref[to] != from)
		want = STATUS_DENIED;
	else if (amount > avail)
		want = STATUS_QUOTA_EXCEEDED;
	if (want == STATUS_OK) {
		b->quota[from] -= amount;
		b->quota[to] += amount;
	}
	b->denied += want == STATUS_DENIED;
	b->exceeded += want == STATUS_QUOTA_EXCEEDED;
	return ram_account_transfer(&b->acc[from], &b->acc[to], amount) == want;
}

static bool
op_alloc(struct bomb *b)
{
	unsigned slot = test_random(DS_MAX);
	if (b->ds[slot].ds)
		return true;
	int a = random_live(b);
	uint64_t size = 1 + test_random(6 * PAGE);
	uint64_t pages = (size + PAGE - 1) / PAGE * PAGE;
	status_t want = pages > b->quota[a] - b->used[a] ? STATUS_QUOTA_EXCEEDED : STATUS_OK;
	struct ram_ds *ds = 0;
	if (ram_account_alloc(&b->acc[a], size, &ds) != want)
		return false;
	b->exceeded += want != STATUS_OK;
	if (want != STATUS_OK)
		return ds == 0;
	b->used[a] += pages;
	b->ds[slot] = (struct mds){ds, a, test_random(4) == 0};
	if (b->ds[slot].shown) {
		space_show(&b->space, ds);
		b->shown++;
	}
	return ds->ds.size == pages && ds->owner == &b->acc[a];
}

static bool
op_free(struct bomb *b)
{
	struct mds *m = &b->ds[test_random(DS_MAX)];
	if (!m->ds)
		return true;
	int through = test_random(3) ? m->owner : random_live(b);
	if (through != m->owner) {
		b->denied++;
		return ram_account_free(&b->acc[through], m->ds) == STATUS_DENIED &&
		       m->ds->owner == &b->acc[m->owner];
	}
	struct ram_ds *ds = m->ds;
	b->used[m->owner] -= ds->ds.size;
	b->shown -= m->shown;
	*m = (struct mds){0, -1, false};
	return ram_account_free(&b->acc[through], ds) == STATUS_OK;
}

/* the model of ram_account_destroy */
static void
model_destroy(struct bomb *b, int i)
{
	for (unsigned k = 0; k < DS_MAX; k++) {
		if (b->ds[k].ds && b->ds[k].owner == i) {
			b->shown -= b->ds[k].shown;
			b->reclaimed++;
			b->ds[k] = (struct mds){0, -1, false};
		}
	}
	b->quota[b->ref[i]] += b->quota[i];
	for (unsigned k = 0; k < ACCOUNTS; k++)
		if (b->live[k] && b->ref[k] == i)
			b->ref[k] = b->ref[i];
	b->live[i] = false;
	b->ref[i] = -1;
}

static bool
op_destroy(struct bomb *b)
{
	int i = random_live(b);
	if (i == 0)
		return true;
	model_destroy(b, i);
	ram_account_destroy(&b->acc[i]);
	return true;
}

static bool
account_matches(const struct bomb *b, unsigned i)
{
	const struct ram_account *a = &b->acc[i];
	unsigned long count = 0;
	for (unsigned k = 0; k < DS_MAX; k++)
		count += b->ds[k].ds && b->ds[k].owner == (int)i;
	return ram_account_check(a) && a->quota == b->quota[i] && a->used == b->used[i] &&
	       ram_account_ds_count(a) == count &&
	       (b->ref[i] < 0 ? a->ref == 0 : a->ref == &b->acc[b->ref[i]]);
}

/* quota is conserved, and the bank and the platform agree with the model */
static bool
bomb_matches(const struct bomb *b)
{
	uint64_t quota = 0, used = 0;
	unsigned long accounts = 0;
	for (unsigned i = 0; i < ACCOUNTS; i++) {
		if (!b->live[i])
			continue;
		if (!account_matches(b, i))
			return false;
		quota += b->quota[i];
		used += b->used[i];
		accounts++;
	}
	return quota == ROOT_QUOTA && b->f.bank.quota == ROOT_QUOTA && b->f.bank.used == used &&
	       b->f.ram.bytes == used && b->f.bank.accounts == accounts &&
	       region_map_region_count(&b->space.rm) == b->shown;
}

static bool
random_op(struct bomb *b)
{
	switch (test_random(10)) {
	case 0:
	case 1:
		return op_create(b);
	case 2:
		return op_destroy(b);
	case 3:
	case 4:
	case 5:
		return op_transfer(b);
	case 6:
	case 7:
		return op_alloc(b);
	default:
		return op_free(b);
	}
}

void
random_bomb(void)
{
	static struct bomb b;
	test_random_seed(0xb0bb0001);
	fixture_init(&b.f, 0);
	space_init(&b.space);
	for (unsigned i = 0; i < ACCOUNTS; i++)
		b.ref[i] = -1;
	CHECK_EQ(ram_account_init(&b.acc[0], &b.f.bank, &b.f.meta, ROOT_QUOTA), STATUS_OK);
	b.live[0] = true;
	b.quota[0] = ROOT_QUOTA;
	unsigned long meta0 = slab_used(&b.f.meta);

	for (unsigned step = 0; step < STEPS; step++) {
		if (!CHECK(random_op(&b) && bomb_matches(&b))) {
			CHECK_EQ(step, -1); /* report the failing step */
			break;
		}
	}
	CHECK(b.shown > 0 && b.denied > STEPS / 50 && b.exceeded > STEPS / 50);
	CHECK(b.reclaimed > STEPS / 100);

	/* tear the tree down leaves first or not: reparenting keeps it whole */
	for (unsigned i = 1; i < ACCOUNTS; i++) {
		if (!b.live[i])
			continue;
		model_destroy(&b, (int)i);
		ram_account_destroy(&b.acc[i]);
		CHECK(bomb_matches(&b));
	}
	for (unsigned k = 0; k < DS_MAX; k++)
		if (b.ds[k].ds)
			CHECK_EQ(ram_account_free(&b.acc[0], b.ds[k].ds), STATUS_OK);
	CHECK_EQ(ram_account_quota(&b.acc[0]), ROOT_QUOTA);
	CHECK_EQ(ram_account_used(&b.acc[0]), 0);
	CHECK_EQ(b.f.bank.ds_count, 0);
	CHECK_EQ(b.f.ram.bytes, 0);
	CHECK_EQ(slab_used(&b.f.meta), meta0);
	CHECK_EQ(region_map_region_count(&b.space.rm), 0);
	ram_account_destroy(&b.acc[0]);
	space_fini(&b.space);
	fixture_fini(&b.f);
}
