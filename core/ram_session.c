/*
 * \brief  core's RAM sessions: set-up, metadata arena, lookup, teardown
 */

#include <dataspace/server.h>
#include <ram_session/server.h>
#include <util/string.h>

#include "platform.h"
#include "ram_session.h"

/* the slab's backing: chunks of the session's own arena, nothing else */
static status_t
arena_alloc(void *ctx, size_t size, void **addr)
{
	struct ram_session *s = ctx;
	if (size > RAM_META_CHUNK)
		return STATUS_OUT_OF_MEMORY;
	for (unsigned i = 0; i < RAM_META_CHUNKS; i++) {
		if (s->arena_used[i])
			continue;
		s->arena_used[i] = true;
		*addr = s->arena[i];
		return STATUS_OK;
	}
	return STATUS_OUT_OF_MEMORY;
}

static void
arena_free(void *ctx, void *addr, size_t size)
{
	(void)size;
	struct ram_session *s = ctx;
	for (unsigned i = 0; i < RAM_META_CHUNKS; i++)
		if (addr == s->arena[i])
			s->arena_used[i] = false;
}

status_t
ram_session_setup(struct ram_session *s, const char *label, uint64_t quota, struct ram_account *ref)
{
	const struct heap_backing backing = {arena_alloc, arena_free, s};
	for (unsigned i = 0; i < RAM_META_CHUNKS; i++)
		s->arena_used[i] = false;
	s->rpc_managed = false;
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
	list_for_each(e, &s->acc.dataspaces)
	{
		ram_session_ds_dissolve((struct core_ram_ds *)list_entry(e, struct ram_ds, elem));
	}
	ram_account_destroy(&s->acc);
	if (s->rpc_managed) {
		entrypoint_dissolve(ram_ep, &s->rpc);
		cap_close(cap_raw(s->cap));
	}
	s->rpc_managed = false;
	s->used = false;
}

struct ram_session *
ram_session_lookup(cap_t cap)
{
	for (unsigned i = 0; i < RAM_SESSIONS_MAX; i++) {
		struct ram_session *s = &ram_sessions[i];
		if (s->used && s->rpc_managed && cap_same(cap_raw(s->cap), cap))
			return s;
	}
	return 0;
}

struct core_ram_ds *
ram_session_ds_lookup(cap_t cap)
{
	for (unsigned i = 0; i < RAM_SESSIONS_MAX; i++) {
		if (!ram_sessions[i].used)
			continue;
		list_for_each(e, &ram_sessions[i].acc.dataspaces)
		{
			struct core_ram_ds *d =
			        (struct core_ram_ds *)list_entry(e, struct ram_ds, elem);
			if (cap_same(cap_raw(d->cap), cap))
				return d;
		}
	}
	return 0;
}

static status_t
ds_size(void *ctx, struct rpc_call *call, uint64_t *size)
{
	(void)call;
	*size = ((struct core_ram_ds *)ctx)->ram.ds.size;
	return STATUS_OK;
}

static status_t
ds_writable(void *ctx, struct rpc_call *call, bool *writable)
{
	(void)ctx;
	(void)call;
	*writable = true;
	return STATUS_OK;
}

/* the reply BORROWS the backing: the platform keeps it until the free */
static status_t
ds_map_handle(void *ctx, struct rpc_call *call, cap_t *backing)
{
	(void)call;
	*backing = platform_ram_backing(((struct core_ram_ds *)ctx)->ram.ds.handle);
	return STATUS_OK;
}

static const struct dataspace_ops ram_ds_ops = {
        .size = ds_size,
        .writable = ds_writable,
        .map_handle = ds_map_handle,
};

status_t
ram_session_ds_serve(struct core_ram_ds *d)
{
	d->rpc = (struct rpc_object){0};
	return dataspace_manage(ram_ep, &d->rpc, &ram_ds_ops, d, &d->cap);
}

void
ram_session_ds_dissolve(struct core_ram_ds *d)
{
	entrypoint_dissolve(ram_ep, &d->rpc);
	cap_close(cap_raw(d->cap));
	d->cap = CAP_TYPED_INVALID(dataspace_cap_t);
}
