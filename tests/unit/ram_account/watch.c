/*
 * \brief  Unit test: the bank tells its watch of every quota change
 *
 * core bounds a process's memory by its account's quota (core/ram_bind.c)
 * and learns of each change only through this watch: a transfer either
 * way, and the destroy that refunds the quota to the reference account.
 */

#include "cases.h"
#include "fixture.h"

enum { SEEN_MAX = 8 };

struct seen {
	unsigned count;
	struct ram_account *acc[SEEN_MAX];
	uint64_t quota[SEEN_MAX]; /* the quota the watch saw */
};

static void
watch(void *ctx, struct ram_account *acc)
{
	struct seen *s = ctx;
	if (s->count < SEEN_MAX) {
		s->acc[s->count] = acc;
		s->quota[s->count] = ram_account_quota(acc);
	}
	s->count++;
}

void
quota_watch(void)
{
	struct fixture f;
	struct ram_account root, a;
	struct seen seen = {0};

	fixture_init(&f, 0);
	CHECK_EQ(ram_account_init(&root, &f.bank, &f.meta, 1 << 20), STATUS_OK);
	CHECK_EQ(ram_account_init(&a, &f.bank, &f.meta, 0), STATUS_OK);
	CHECK_EQ(ram_account_ref(&a, &root), STATUS_OK);
	ram_bank_watch(&f.bank, watch, &seen);

	CHECK_EQ(ram_account_transfer(&root, &a, 256 << 10), STATUS_OK);
	CHECK_EQ(seen.count, 2);
	CHECK(seen.acc[0] == &root && seen.quota[0] == (1 << 20) - (256 << 10));
	CHECK(seen.acc[1] == &a && seen.quota[1] == 256 << 10);

	/* a refused transfer changes nothing and is not told */
	CHECK_EQ(ram_account_transfer(&a, &root, 512 << 10), STATUS_QUOTA_EXCEEDED);
	CHECK_EQ(seen.count, 2);

	CHECK_EQ(ram_account_transfer(&a, &root, 64 << 10), STATUS_OK);
	CHECK_EQ(seen.count, 4);
	CHECK(seen.acc[2] == &a && seen.quota[2] == 192 << 10);

	/* the refund at destroy: the reference gets it, the account is at 0 */
	ram_account_destroy(&a);
	CHECK_EQ(seen.count, 6);
	CHECK(seen.acc[4] == &root && seen.quota[4] == 1 << 20);
	CHECK(seen.acc[5] == &a && seen.quota[5] == 0);

	ram_bank_watch(&f.bank, 0, 0);
	ram_account_destroy(&root);
	CHECK_EQ(seen.count, 6);
	fixture_fini(&f);
}
