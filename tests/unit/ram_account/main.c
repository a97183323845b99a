/*
 * \brief  Unit test: RAM quota accounts (directed cases; the randomized
 *         bomb-style test is in bomb.c)
 */

#include <stdint.h>

#include "cases.h"
#include "fixture.h"

static void
bank_and_account_init(void)
{
	struct fixture f;
	struct ram_bank bank;
	struct ram_account acc;
	struct ram_backing none = {0, 0, 0, 0};
	struct slab small;
	struct heap_backing ops;

	fixture_init(&f, 0);
	CHECK_EQ(ram_bank_init(&bank, &none), STATUS_INVALID_ARGS);
	CHECK_EQ(ram_bank_init(&bank, 0), STATUS_INVALID_ARGS);

	ops = test_backing_ops(&f.tb);
	CHECK_EQ(slab_init(&small, sizeof(struct ram_ds) - 1, &ops), STATUS_OK);
	CHECK_EQ(ram_account_init(&acc, &f.bank, &small, 0), STATUS_INVALID_ARGS);
	slab_destroy(&small);
	CHECK_EQ(ram_account_init(&acc, &f.bank, 0, 0), STATUS_INVALID_ARGS);

	CHECK_EQ(ram_account_init(&acc, &f.bank, &f.meta, 1 << 20), STATUS_OK);
	CHECK_EQ(ram_account_quota(&acc), 1 << 20);
	CHECK_EQ(ram_account_used(&acc), 0);
	CHECK_EQ(ram_account_avail(&acc), 1 << 20);
	CHECK_EQ(ram_account_ds_count(&acc), 0);
	CHECK_EQ(f.bank.quota, 1 << 20);
	CHECK_EQ(f.bank.accounts, 1);

	/* quota cannot be created beyond what 64 bits can count */
	struct ram_account big;
	CHECK_EQ(ram_account_init(&big, &f.bank, &f.meta, UINT64_MAX), STATUS_INVALID_ARGS);
	CHECK_EQ(f.bank.quota, 1 << 20);
	ram_account_destroy(&acc);
	CHECK_EQ(f.bank.quota, 0);
	CHECK_EQ(f.bank.accounts, 0);
	fixture_fini(&f);
}

static void
ref_account_rules(void)
{
	struct fixture f, other;
	struct ram_account root, a, b, c, stranger;

	fixture_init(&f, 0);
	fixture_init(&other, 0);
	CHECK_EQ(ram_account_init(&root, &f.bank, &f.meta, 1 << 20), STATUS_OK);
	CHECK_EQ(ram_account_init(&a, &f.bank, &f.meta, 0), STATUS_OK);
	CHECK_EQ(ram_account_init(&b, &f.bank, &f.meta, 0), STATUS_OK);
	CHECK_EQ(ram_account_init(&c, &f.bank, &f.meta, 0), STATUS_OK);
	CHECK_EQ(ram_account_init(&stranger, &other.bank, &other.meta, 0), STATUS_OK);

	CHECK_EQ(ram_account_ref(&a, 0), STATUS_INVALID_ARGS);
	CHECK_EQ(ram_account_ref(&a, &a), STATUS_INVALID_ARGS);
	CHECK_EQ(ram_account_ref(&a, &stranger), STATUS_INVALID_ARGS);
	CHECK_EQ(ram_account_ref(&a, &root), STATUS_OK);
	CHECK(a.ref == &root);
	/* set once: even the same account again */
	CHECK_EQ(ram_account_ref(&a, &root), STATUS_CONFLICT);
	CHECK_EQ(ram_account_ref(&a, &b), STATUS_CONFLICT);
	CHECK(a.ref == &root);

	/* no cycles: root > a > b, so neither a nor root may name b */
	CHECK_EQ(ram_account_ref(&b, &a), STATUS_OK);
	CHECK_EQ(ram_account_ref(&root, &b), STATUS_INVALID_ARGS);
	CHECK_EQ(ram_account_ref(&root, &a), STATUS_INVALID_ARGS);
	CHECK_EQ(ram_account_ref(&c, &b), STATUS_OK);
	CHECK(root.ref == 0);

	ram_account_destroy(&c);
	ram_account_destroy(&b);
	ram_account_destroy(&a);
	ram_account_destroy(&root);
	ram_account_destroy(&stranger);
	fixture_fini(&f);
	fixture_fini(&other);
}

/* a failed transfer leaves both accounts as they were */
static void
transfer_refused(struct ram_account *from, struct ram_account *to, uint64_t amount, status_t want)
{
	uint64_t fq = ram_account_quota(from), tq = ram_account_quota(to);
	CHECK_EQ(ram_account_transfer(from, to, amount), want);
	CHECK_EQ(ram_account_quota(from), fq);
	CHECK_EQ(ram_account_quota(to), tq);
}

static void
transfer_needs_link(void)
{
	struct fixture f;
	struct ram_account root, a, b, loner;

	fixture_init(&f, 0);
	CHECK_EQ(ram_account_init(&root, &f.bank, &f.meta, 1 << 20), STATUS_OK);
	CHECK_EQ(ram_account_init(&a, &f.bank, &f.meta, 0), STATUS_OK);
	CHECK_EQ(ram_account_init(&b, &f.bank, &f.meta, 0), STATUS_OK);
	CHECK_EQ(ram_account_init(&loner, &f.bank, &f.meta, 0), STATUS_OK);

	/* Genode requires the reference account before any transfer */
	transfer_refused(&root, &a, 4096, STATUS_DENIED);
	CHECK_EQ(ram_account_ref(&a, &root), STATUS_OK);
	CHECK_EQ(ram_account_ref(&b, &root), STATUS_OK);
	CHECK_EQ(ram_account_transfer(&root, &a, 64 << 10), STATUS_OK);
	CHECK_EQ(ram_account_transfer(&root, &b, 64 << 10), STATUS_OK);
	CHECK_EQ(ram_account_quota(&root), (1 << 20) - (128 << 10));
	CHECK_EQ(ram_account_quota(&a), 64 << 10);

	/* back to the reference account works, siblings are not linked */
	CHECK_EQ(ram_account_transfer(&a, &root, 16 << 10), STATUS_OK);
	CHECK_EQ(ram_account_quota(&a), 48 << 10);
	transfer_refused(&a, &b, 4096, STATUS_DENIED);
	transfer_refused(&a, &loner, 4096, STATUS_DENIED);
	transfer_refused(&loner, &root, 0, STATUS_DENIED);
	transfer_refused(&a, &a, 0, STATUS_DENIED);
	CHECK_EQ(ram_account_transfer(0, &a, 0), STATUS_DENIED);
	CHECK_EQ(ram_account_transfer(&a, &root, 0), STATUS_OK);
	CHECK_EQ(f.bank.quota, 1 << 20);

	ram_account_destroy(&a);
	ram_account_destroy(&b);
	ram_account_destroy(&loner);
	CHECK_EQ(ram_account_quota(&root), 1 << 20);
	ram_account_destroy(&root);
	fixture_fini(&f);
}

static void
transfer_quota_exceeded(void)
{
	struct fixture f;
	struct ram_account root, a;
	struct ram_ds *ds;

	fixture_init(&f, 0);
	CHECK_EQ(ram_account_init(&root, &f.bank, &f.meta, 1 << 20), STATUS_OK);
	CHECK_EQ(ram_account_init(&a, &f.bank, &f.meta, 0), STATUS_OK);
	CHECK_EQ(ram_account_ref(&a, &root), STATUS_OK);
	transfer_refused(&root, &a, (1 << 20) + 1, STATUS_QUOTA_EXCEEDED);
	transfer_refused(&root, &a, UINT64_MAX, STATUS_QUOTA_EXCEEDED);
	CHECK_EQ(ram_account_transfer(&root, &a, 64 << 10), STATUS_OK);

	/* what is used cannot be given away: only avail counts */
	CHECK_EQ(ram_account_alloc(&a, 40 << 10, &ds), STATUS_OK);
	CHECK_EQ(ram_account_avail(&a), 24 << 10);
	transfer_refused(&a, &root, (24 << 10) + 1, STATUS_QUOTA_EXCEEDED);
	CHECK_EQ(ram_account_transfer(&a, &root, 24 << 10), STATUS_OK);
	CHECK_EQ(ram_account_avail(&a), 0);
	transfer_refused(&a, &root, 1, STATUS_QUOTA_EXCEEDED);
	CHECK(ram_account_check(&a) && ram_account_check(&root));
	ram_account_destroy(&a);
	ram_account_destroy(&root);
	fixture_fini(&f);
}

static void
alloc_charges_pages(void)
{
	struct fixture f;
	struct ram_account acc;
	struct ram_ds *ds[4], *none = 0;

	fixture_init(&f, 0);
	CHECK_EQ(ram_account_init(&acc, &f.bank, &f.meta, 16 * PAGE), STATUS_OK);
	CHECK_EQ(ram_account_alloc(&acc, 0, &none), STATUS_INVALID_ARGS);
	CHECK_EQ(ram_account_alloc(&acc, 1, &ds[0]), STATUS_OK);
	CHECK_EQ(ds[0]->ds.size, PAGE);
	CHECK(ds[0]->owner == &acc && ds[0]->ds.managed == 0);
	CHECK_EQ(ram_account_used(&acc), PAGE);
	CHECK_EQ(ram_account_alloc(&acc, PAGE + 1, &ds[1]), STATUS_OK);
	CHECK_EQ(ram_account_used(&acc), 3 * PAGE);
	CHECK_EQ(ram_account_alloc(&acc, 4 * PAGE, &ds[2]), STATUS_OK);
	CHECK_EQ(ram_account_used(&acc), 7 * PAGE);

	/* 9 pages left: 9 pages and a byte would need 10 */
	CHECK_EQ(ram_account_alloc(&acc, 9 * PAGE + 1, &none), STATUS_QUOTA_EXCEEDED);
	CHECK_EQ(ram_account_alloc(&acc, UINT64_MAX, &none), STATUS_QUOTA_EXCEEDED);
	CHECK(none == 0);
	CHECK_EQ(ram_account_used(&acc), 7 * PAGE);
	CHECK_EQ(ram_account_alloc(&acc, 9 * PAGE, &ds[3]), STATUS_OK);
	CHECK_EQ(ram_account_avail(&acc), 0);
	CHECK_EQ(ram_account_ds_count(&acc), 4);
	CHECK_EQ(f.bank.used, 16 * PAGE);
	CHECK_EQ(f.bank.ds_count, 4);
	CHECK_EQ(f.ram.bytes, 16 * PAGE);
	CHECK(ram_account_check(&acc));

	CHECK_EQ(ram_account_free(&acc, ds[1]), STATUS_OK);
	CHECK_EQ(ram_account_used(&acc), 14 * PAGE);
	CHECK_EQ(ram_account_ds_count(&acc), 3);
	CHECK_EQ(f.ram.bytes, 14 * PAGE);
	CHECK_EQ(ram_account_free(&acc, 0), STATUS_INVALID_ARGS);
	CHECK(ram_account_check(&acc));
	ram_account_destroy(&acc);
	CHECK_EQ(f.ram.bytes, 0);
	fixture_fini(&f);
}

static void
alloc_failures_charge_nothing(void)
{
	struct fixture f;
	struct ram_account acc;
	struct ram_ds *ds = 0;

	fixture_init(&f, 2 * PAGE); /* the platform has only 2 pages */
	CHECK_EQ(ram_account_init(&acc, &f.bank, &f.meta, 16 * PAGE), STATUS_OK);

	/* no metadata: out of memory, not out of quota */
	f.tb.limit = 0;
	CHECK_EQ(ram_account_alloc(&acc, PAGE, &ds), STATUS_OUT_OF_MEMORY);
	CHECK(ds == 0);
	CHECK_EQ(ram_account_used(&acc), 0);
	CHECK_EQ(f.ram.bytes, 0);
	CHECK_EQ(f.bank.used, 0);
	CHECK_EQ(f.bank.ds_count, 0);
	f.tb.limit = SIZE_MAX;

	/* the platform's refusal is passed on, and the record given back */
	CHECK_EQ(ram_account_alloc(&acc, 3 * PAGE, &ds), STATUS_UNAVAILABLE);
	CHECK(ds == 0);
	CHECK_EQ(ram_account_used(&acc), 0);
	CHECK_EQ(ram_account_ds_count(&acc), 0);
	CHECK_EQ(slab_used(&f.meta), 0);
	CHECK_EQ(f.bank.used, 0);
	CHECK_EQ(ram_account_alloc(&acc, 2 * PAGE, &ds), STATUS_OK);
	ram_account_destroy(&acc);
	fixture_fini(&f);
}

/* what a platform keeps in core per dataspace: a page and a word per page */
static uint64_t
fake_meta(uint64_t size)
{
	return PAGE + size / PAGE * 4;
}

static void
alloc_charges_meta(void)
{
	struct fixture f;
	struct ram_account acc;
	struct ram_ds *ds = 0, *big = 0;

	fixture_init(&f, 0);
	f.bank.backing.meta = fake_meta;
	CHECK_EQ(ram_account_init(&acc, &f.bank, &f.meta, 8 * PAGE), STATUS_OK);
	CHECK_EQ(ram_account_alloc(&acc, 4 * PAGE, &ds), STATUS_OK);
	CHECK_EQ(ram_account_used(&acc), 5 * PAGE + 16);
	CHECK_EQ(f.bank.used, 5 * PAGE + 16);
	CHECK_EQ(ds->ds.size, 4 * PAGE); /* the dataspace itself is as asked */
	CHECK(ram_account_check(&acc));
	/* 3 pages fit the quota left, not with their meta */
	CHECK_EQ(ram_account_alloc(&acc, 3 * PAGE, &big), STATUS_QUOTA_EXCEEDED);
	CHECK(big == 0);
	CHECK_EQ(ram_account_used(&acc), 5 * PAGE + 16);
	CHECK_EQ(f.ram.bytes, 4 * PAGE);
	CHECK_EQ(ram_account_alloc(&acc, PAGE, &big), STATUS_OK);
	CHECK_EQ(ram_account_free(&acc, ds), STATUS_OK);
	CHECK_EQ(ram_account_used(&acc), 2 * PAGE + 4);
	CHECK(ram_account_check(&acc));
	ram_account_destroy(&acc);
	CHECK_EQ(f.bank.used, 0);
	fixture_fini(&f);
}

TEST_MAIN(TEST_CASE(bank_and_account_init), TEST_CASE(ref_account_rules),
          TEST_CASE(transfer_needs_link), TEST_CASE(transfer_quota_exceeded),
          TEST_CASE(alloc_charges_pages), TEST_CASE(alloc_charges_meta),
          TEST_CASE(alloc_failures_charge_nothing), TEST_CASE(ds_ownership),
          TEST_CASE(free_detaches_everywhere), TEST_CASE(destroy_reclaims),
          TEST_CASE(destroy_reparents_members), TEST_CASE(destroy_root), TEST_CASE(random_bomb),
          TEST_CASE(quota_watch))
