/*
 * \brief  core's RAM sessions: set-up, dataspace records, lookup, teardown
 */

#include <base/log.h>
#include <dataspace/server.h>
#include <ram_session/server.h>
#include <util/string.h>

#include "core_heap.h"
#include "platform.h"
#include "ram_session.h"

/*
 * The slab's backing. A client's session pays each chunk of dataspace
 * records from its budget (what its donation and upgrades left after the
 * session object), so the number of its dataspaces is bounded by its quota
 * alone; a refusal is Genode's Out_of_metadata, which an upgrade cures.
 * core's own account and init's environment session are core's: their
 * chunks come from core's heap, and every dataspace they hold costs their
 * quota at least a page, so the records stay within a small fraction of it.
 */
static status_t
meta_alloc(void *ctx, size_t size, void **addr)
{
	struct ram_session *s = ctx;
	if (!s->in_root)
		return heap_alloc(core_heap(), size, addr);
	if (root_session_alloc(&s->base, size, addr) != STATUS_OK)
		return STATUS_OUT_OF_MEMORY; /* Genode's Out_of_metadata */
	return STATUS_OK;
}

static void
meta_free(void *ctx, void *addr, size_t size)
{
	struct ram_session *s = ctx;
	if (s->in_root)
		root_session_free(&s->base, addr, size);
	else
		(void)heap_free(core_heap(), addr);
}

status_t
ram_session_setup(struct ram_session *s, const char *label, uint64_t quota, struct ram_account *ref,
                  bool in_root)
{
	const struct heap_backing backing = {meta_alloc, meta_free, s};
	s->rpc_managed = false;
	s->in_root = in_root;
	s->pd_bound = false;
	list_elem_init(&s->held);
	s->refusals = (struct rate_limit){0};
	str_copy(s->label, label, sizeof(s->label));
	status_t st = slab_init(&s->meta, sizeof(struct core_ram_ds), &backing);
	if (st == STATUS_OK)
		st = ram_account_init(&s->acc, &ram_core_bank, &s->meta, quota);
	if (st != STATUS_OK)
		return st;
	if (ref)
		st = ram_account_ref(&s->acc, ref);
	if (st != STATUS_OK) {
		ram_account_destroy(&s->acc);
		return st;
	}
	s->used = true;
	return STATUS_OK;
}

status_t
ram_session_serve(struct ram_session *s)
{
	s->rpc = (struct rpc_object){0};
	status_t st = ram_session_manage(ram_ep, &s->rpc, &ram_session_ops, s, &s->cap);
	if (st != STATUS_OK) {
		ram_account_destroy(&s->acc);
		s->used = false;
		return st;
	}
	s->rpc_managed = true;
	return STATUS_OK;
}

void
ram_session_teardown(struct ram_session *s)
{
	log_limit_flush(&s->refusals, s->label);
	list_for_each(e, &s->acc.dataspaces)
	{
		ram_session_ds_dissolve((struct core_ram_ds *)list_entry(e, struct ram_ds, elem));
	}
	ram_account_destroy(&s->acc); /* a bound process is left the bound of quota 0 */
	slab_destroy(&s->meta);       /* its records' chunks back to the budget or core's heap */
	s->pd_bound = false;
	list_remove(&s->held); /* a held limit of a session that is gone is nobody's */
	if (s->rpc_managed) {
		entrypoint_dissolve(ram_ep, &s->rpc);
		if (!s->in_root) /* else the root component closes it */
			cap_close(cap_raw(s->cap));
	}
	s->rpc_managed = false;
	s->used = false;
}

/* every RAM dataspace core serves, of whichever session, by its capability */
static struct cap_index *
ds_index(void)
{
	static struct cap_index index;
	static bool ready;
	if (!ready) {
		cap_index_init(&index);
		ready = true;
	}
	return &index;
}

struct core_ram_ds *
ram_session_ds_lookup(cap_t cap)
{
	struct cap_index_entry *e = cap_index_lookup(ds_index(), cap);
	return e ? CAP_INDEX_ENTRY(e, struct core_ram_ds, entry) : 0;
}

status_t
ram_session_ds_serve(struct core_ram_ds *d)
{
	d->ram.ds.object = &d->ds; /* what an RM session's resolve names */
	d->entry = (struct cap_index_entry){0};
	status_t st = dataspace_object_serve(&d->ds, ram_ep, d->ram.ds.size,
	                                     platform_ram_backing(d->ram.ds.handle), true);
	if (st != STATUS_OK)
		return st;
	st = cap_index_insert(ds_index(), &d->entry, cap_raw(d->ds.cap));
	if (st != STATUS_OK)
		dataspace_object_destroy(&d->ds, ram_ep);
	return st;
}

void
ram_session_ds_dissolve(struct core_ram_ds *d)
{
	cap_index_remove(ds_index(), &d->entry);
	dataspace_object_destroy(&d->ds, ram_ep);
}
