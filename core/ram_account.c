/*
 * \brief  RAM quota accounts: quota transfers, charging, reclamation
 */

#include "ram_account.h"
#include "region_map.h"

enum { PAGE_MASK = DATASPACE_PAGE_SIZE - 1 };

status_t
ram_bank_init(struct ram_bank *bank, const struct ram_backing *backing)
{
	if (!backing || !backing->alloc || !backing->free)
		return STATUS_INVALID_ARGS;
	*bank = (struct ram_bank){.backing = *backing};
	return STATUS_OK;
}

void
ram_bank_watch(struct ram_bank *bank, ram_quota_watch_fn watch, void *ctx)
{
	bank->watch = watch;
	bank->watch_ctx = ctx;
}

static void
quota_changed(struct ram_account *acc)
{
	if (acc && acc->bank->watch)
		acc->bank->watch(acc->bank->watch_ctx, acc);
}

status_t
ram_account_init(struct ram_account *acc, struct ram_bank *bank, struct slab *meta, uint64_t quota)
{
	if (!bank || !meta || slab_object_size(meta) < sizeof(struct ram_ds) ||
	    quota > UINT64_MAX - bank->quota)
		return STATUS_INVALID_ARGS;

	*acc = (struct ram_account){.bank = bank, .meta = meta, .quota = quota};
	list_init(&acc->members);
	list_init(&acc->dataspaces);
	list_elem_init(&acc->member_elem);
	bank->quota += quota;
	bank->accounts++;
	return STATUS_OK;
}

/* whether acc is ref or one of ref's (transitive) reference accounts */
static bool
ram_account_above(const struct ram_account *acc, const struct ram_account *ref)
{
	for (; ref; ref = ref->ref)
		if (ref == acc)
			return true;
	return false;
}

static void
ram_account_link(struct ram_account *acc, struct ram_account *ref)
{
	acc->ref = ref;
	if (ref)
		list_insert_tail(&ref->members, &acc->member_elem);
}

status_t
ram_account_ref(struct ram_account *acc, struct ram_account *ref)
{
	if (!ref || ref->bank != acc->bank || ram_account_above(acc, ref))
		return STATUS_INVALID_ARGS;
	if (acc->ref)
		return STATUS_CONFLICT;
	ram_account_link(acc, ref);
	return STATUS_OK;
}

status_t
ram_account_transfer(struct ram_account *from, struct ram_account *to, uint64_t amount)
{
	if (!from || !to || (from->ref != to && to->ref != from))
		return STATUS_DENIED;
	if (amount > ram_account_avail(from))
		return STATUS_QUOTA_EXCEEDED;
	/* cannot overflow: the bank's total bounds every quota */
	from->quota -= amount;
	to->quota += amount;
	quota_changed(from);
	quota_changed(to);
	return STATUS_OK;
}

status_t
ram_account_alloc(struct ram_account *acc, uint64_t size, struct ram_ds **ds)
{
	if (size == 0)
		return STATUS_INVALID_ARGS;
	if (size > UINT64_MAX - PAGE_MASK)
		return STATUS_QUOTA_EXCEEDED;
	size = (size + PAGE_MASK) & ~(uint64_t)PAGE_MASK;
	struct ram_bank *bank = acc->bank;
	uint64_t meta = bank->backing.meta ? bank->backing.meta(size) : 0;
	if (meta > UINT64_MAX - size || size + meta > ram_account_avail(acc))
		return STATUS_QUOTA_EXCEEDED;

	void *obj;
	if (slab_alloc(acc->meta, &obj) != STATUS_OK)
		return STATUS_OUT_OF_MEMORY;
	uint64_t handle = 0;
	status_t st = bank->backing.alloc(bank->backing.ctx, size, &handle);
	if (st != STATUS_OK) {
		(void)slab_free(acc->meta, obj);
		return st;
	}

	struct ram_ds *r = obj;
	dataspace_init(&r->ds, size, handle);
	r->charge = size + meta;
	r->owner = acc;
	list_elem_init(&r->elem);
	list_insert_tail(&acc->dataspaces, &r->elem);
	acc->used += r->charge;
	acc->ds_count++;
	bank->used += r->charge;
	bank->ds_count++;
	*ds = r;
	return STATUS_OK;
}

/* the owner's side of freeing: nobody may see ds afterwards */
static void
ram_account_release(struct ram_account *acc, struct ram_ds *ds)
{
	struct ram_bank *bank = acc->bank;
	uint64_t size = ds->ds.size;

	region_map_detach_everywhere(&ds->ds);
	list_remove(&ds->elem);
	bank->backing.free(bank->backing.ctx, ds->ds.handle, size);
	acc->used -= ds->charge;
	acc->ds_count--;
	bank->used -= ds->charge;
	bank->ds_count--;
	(void)slab_free(acc->meta, ds);
}

status_t
ram_account_free(struct ram_account *acc, struct ram_ds *ds)
{
	if (!acc || !ds)
		return STATUS_INVALID_ARGS;
	if (ds->owner != acc)
		return STATUS_DENIED;
	ram_account_release(acc, ds);
	return STATUS_OK;
}

void
ram_account_destroy(struct ram_account *acc)
{
	for (struct list_elem *e; (e = list_first(&acc->dataspaces));)
		ram_account_release(acc, list_entry(e, struct ram_ds, elem));

	/* a root account takes its quota out of the bank, others return it */
	struct ram_account *ref = acc->ref;
	if (ref)
		ref->quota += acc->quota;
	else
		acc->bank->quota -= acc->quota;
	acc->quota = 0;
	list_remove(&acc->member_elem);
	acc->ref = 0;
	quota_changed(ref);
	quota_changed(acc);

	/* members keep a reference account, as in Genode: acc's own */
	for (struct list_elem *e; (e = list_first(&acc->members));) {
		struct ram_account *m = list_entry(e, struct ram_account, member_elem);
		list_remove(e);
		ram_account_link(m, ref);
	}
	acc->bank->accounts--;
}

bool
ram_account_check(const struct ram_account *acc)
{
	uint64_t used = 0;
	unsigned long count = 0;
	list_for_each(e, &acc->dataspaces)
	{
		const struct ram_ds *ds = list_entry(e, struct ram_ds, elem);
		if (ds->owner != acc || ds->ds.size == 0 || (ds->ds.size & PAGE_MASK) ||
		    ds->charge < ds->ds.size)
			return false;
		used += ds->charge;
		count++;
	}
	return used == acc->used && count == acc->ds_count && acc->used <= acc->quota &&
	       (!acc->ref || acc->ref->bank == acc->bank);
}
