/*
 * \brief  Unit test: dataspace ownership and reclamation of RAM accounts
 */

#include <stdint.h>

#include "cases.h"
#include "fixture.h"

/* Genode's ds_ownership test: only the owner may free a dataspace */
void
ds_ownership(void)
{
	struct fixture f;
	struct ram_account root, a, b;
	struct ram_ds *ds;

	fixture_init(&f, 0);
	CHECK_EQ(ram_account_init(&root, &f.bank, &f.meta, 1 << 20), STATUS_OK);
	CHECK_EQ(ram_account_init(&a, &f.bank, &f.meta, 0), STATUS_OK);
	CHECK_EQ(ram_account_init(&b, &f.bank, &f.meta, 0), STATUS_OK);
	CHECK_EQ(ram_account_ref(&a, &root), STATUS_OK);
	CHECK_EQ(ram_account_ref(&b, &root), STATUS_OK);
	CHECK_EQ(ram_account_transfer(&root, &a, 64 << 10), STATUS_OK);
	CHECK_EQ(ram_account_transfer(&root, &b, 64 << 10), STATUS_OK);
	CHECK_EQ(ram_account_alloc(&a, 2 * PAGE, &ds), STATUS_OK);
	uint64_t handle = ds->ds.handle;

	/* through another session, even the reference account: refused */
	CHECK_EQ(ram_account_free(&b, ds), STATUS_DENIED);
	CHECK_EQ(ram_account_free(&root, ds), STATUS_DENIED);
	CHECK(ds->owner == &a);
	CHECK_EQ(ds->ds.size, 2 * PAGE);
	CHECK_EQ(ds->ds.handle, handle);
	CHECK_EQ(ram_account_used(&a), 2 * PAGE);
	CHECK_EQ(ram_account_used(&b), 0);
	CHECK_EQ(ram_account_ds_count(&a), 1);
	CHECK_EQ(f.ram.bytes, 2 * PAGE);
	CHECK_EQ(f.ram.frees, 0);

	/* through the owner: freed */
	CHECK_EQ(ram_account_free(&a, ds), STATUS_OK);
	CHECK_EQ(ram_account_used(&a), 0);
	CHECK_EQ(f.ram.bytes, 0);
	CHECK_EQ(f.ram.frees, 1);
	ram_account_destroy(&a);
	ram_account_destroy(&b);
	ram_account_destroy(&root);
	fixture_fini(&f);
}

void
free_detaches_everywhere(void)
{
	struct fixture f;
	struct space s1, s2;
	struct ram_account acc;
	struct ram_ds *ds, *keep;
	struct region_map_lookup l;

	fixture_init(&f, 0);
	space_init(&s1);
	space_init(&s2);
	CHECK_EQ(ram_account_init(&acc, &f.bank, &f.meta, 1 << 20), STATUS_OK);
	CHECK_EQ(ram_account_alloc(&acc, PAGE, &ds), STATUS_OK);
	CHECK_EQ(ram_account_alloc(&acc, PAGE, &keep), STATUS_OK);
	uint64_t a1 = space_show(&s1, ds), a2 = space_show(&s2, ds);
	space_show(&s1, ds);
	uint64_t k = space_show(&s1, keep);
	CHECK_EQ(dataspace_attach_count(&ds->ds), 3);

	/* no region may be left pointing at freed memory */
	CHECK_EQ(ram_account_free(&acc, ds), STATUS_OK);
	CHECK_EQ(region_map_lookup(&s1.rm, a1, &l), STATUS_NOT_FOUND);
	CHECK_EQ(region_map_lookup(&s2.rm, a2, &l), STATUS_NOT_FOUND);
	CHECK_EQ(region_map_region_count(&s1.rm), 1);
	CHECK_EQ(region_map_lookup(&s1.rm, k, &l), STATUS_OK);
	CHECK(l.ds == &keep->ds);
	CHECK(region_map_check(&s1.rm) && region_map_check(&s2.rm));
	ram_account_destroy(&acc);
	CHECK_EQ(region_map_region_count(&s1.rm), 0);
	space_fini(&s1);
	space_fini(&s2);
	fixture_fini(&f);
}

/* a child with dataspaces, one of them shown in a region map, is destroyed */
void
destroy_reclaims(void)
{
	struct fixture f;
	struct space s;
	struct ram_account root, child;
	struct ram_ds *ds;

	fixture_init(&f, 0);
	space_init(&s);
	CHECK_EQ(ram_account_init(&root, &f.bank, &f.meta, 1 << 20), STATUS_OK);
	uint64_t q0 = f.bank.quota, u0 = f.bank.used;
	unsigned long d0 = f.bank.ds_count, meta0 = slab_used(&f.meta);

	CHECK_EQ(ram_account_init(&child, &f.bank, &f.meta, 0), STATUS_OK);
	CHECK_EQ(ram_account_ref(&child, &root), STATUS_OK);
	CHECK_EQ(ram_account_transfer(&root, &child, 256 << 10), STATUS_OK);
	for (unsigned i = 0; i < 10; i++) {
		CHECK_EQ(ram_account_alloc(&child, (i + 1) * PAGE, &ds), STATUS_OK);
		if (i % 3 == 0)
			space_show(&s, ds);
	}
	CHECK_EQ(ram_account_used(&child), 55 * PAGE);
	CHECK_EQ(f.bank.ds_count, d0 + 10);
	CHECK_EQ(region_map_region_count(&s.rm), 4);

	ram_account_destroy(&child);
	CHECK_EQ(ram_account_quota(&root), 1 << 20);
	CHECK_EQ(f.bank.quota, q0);
	CHECK_EQ(f.bank.used, u0);
	CHECK_EQ(f.bank.ds_count, d0);
	CHECK_EQ(f.bank.accounts, 1);
	CHECK_EQ(slab_used(&f.meta), meta0);
	CHECK_EQ(f.ram.bytes, 0);
	CHECK_EQ(f.ram.frees, 10);
	CHECK_EQ(region_map_region_count(&s.rm), 0);
	CHECK(region_map_check(&s.rm));
	ram_account_destroy(&root);
	space_fini(&s);
	fixture_fini(&f);
}

/* root > a > b: when a goes, b keeps a reference account (root) */
void
destroy_reparents_members(void)
{
	struct fixture f;
	struct ram_account root, a, b, c;
	struct ram_ds *ds;

	fixture_init(&f, 0);
	CHECK_EQ(ram_account_init(&root, &f.bank, &f.meta, 1 << 20), STATUS_OK);
	CHECK_EQ(ram_account_init(&a, &f.bank, &f.meta, 0), STATUS_OK);
	CHECK_EQ(ram_account_init(&b, &f.bank, &f.meta, 0), STATUS_OK);
	CHECK_EQ(ram_account_init(&c, &f.bank, &f.meta, 0), STATUS_OK);
	CHECK_EQ(ram_account_ref(&a, &root), STATUS_OK);
	CHECK_EQ(ram_account_ref(&b, &a), STATUS_OK);
	CHECK_EQ(ram_account_ref(&c, &a), STATUS_OK);
	CHECK_EQ(ram_account_transfer(&root, &a, 512 << 10), STATUS_OK);
	CHECK_EQ(ram_account_transfer(&a, &b, 128 << 10), STATUS_OK);
	CHECK_EQ(ram_account_alloc(&b, 64 << 10, &ds), STATUS_OK);
	CHECK_EQ(ram_account_alloc(&a, 64 << 10, &ds), STATUS_OK);

	ram_account_destroy(&a);
	CHECK(b.ref == &root && c.ref == &root);
	CHECK_EQ(ram_account_quota(&root), (1 << 20) - (128 << 10));
	CHECK_EQ(ram_account_quota(&b), 128 << 10);
	CHECK_EQ(ram_account_used(&b), 64 << 10);
	CHECK_EQ(f.bank.quota, 1 << 20);
	CHECK_EQ(f.bank.used, 64 << 10);
	CHECK_EQ(f.bank.accounts, 3);

	/* the new link carries transfers, and the old reference is gone */
	CHECK_EQ(ram_account_transfer(&b, &root, 64 << 10), STATUS_OK);
	CHECK_EQ(ram_account_transfer(&root, &c, 4096), STATUS_OK);
	CHECK_EQ(ram_account_ref(&b, &c), STATUS_CONFLICT);
	ram_account_destroy(&b);
	ram_account_destroy(&c);
	CHECK_EQ(ram_account_quota(&root), 1 << 20);
	ram_account_destroy(&root);
	fixture_fini(&f);
}

/* the root's quota leaves the bank with it; its members become roots */
void
destroy_root(void)
{
	struct fixture f;
	struct ram_account root, a, b;
	struct ram_ds *ds;

	fixture_init(&f, 0);
	CHECK_EQ(ram_account_init(&root, &f.bank, &f.meta, 1 << 20), STATUS_OK);
	CHECK_EQ(ram_account_init(&a, &f.bank, &f.meta, 0), STATUS_OK);
	CHECK_EQ(ram_account_init(&b, &f.bank, &f.meta, 0), STATUS_OK);
	CHECK_EQ(ram_account_ref(&a, &root), STATUS_OK);
	CHECK_EQ(ram_account_transfer(&root, &a, 256 << 10), STATUS_OK);
	CHECK_EQ(ram_account_alloc(&root, PAGE, &ds), STATUS_OK);

	ram_account_destroy(&root);
	CHECK_EQ(f.bank.quota, 256 << 10);
	CHECK_EQ(f.bank.used, 0);
	CHECK(a.ref == 0);
	CHECK_EQ(ram_account_transfer(&a, &root, 0), STATUS_DENIED);
	/* an orphan may name a reference account again */
	CHECK_EQ(ram_account_ref(&a, &b), STATUS_OK);
	CHECK_EQ(ram_account_transfer(&a, &b, 256 << 10), STATUS_OK);
	ram_account_destroy(&a);
	CHECK_EQ(ram_account_quota(&b), 256 << 10);
	ram_account_destroy(&b);
	fixture_fini(&f);
}
