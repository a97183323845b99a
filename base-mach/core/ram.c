/*
 * \brief  core's RAM on GNU Mach: one memory object per dataspace
 *
 * A RAM dataspace is a memory object core serves (memobj.h), zero-filled
 * until written; its backing capability is a writable proxy, made once
 * and lent for the dataspace's life. The handle is the record's address.
 * The record and its object's bookkeeping are core's memory; the
 * dataspace's size is charged to the client by the RAM service.
 */

#include <base/ep_mach.h>
#include <mach_rt.h>

#include "../ipc/ep.h" /* the size of a watch */
#include "core_heap.h"
#include "core_mach.h"
#include "memobj.h"
#include "platform.h"

struct ram_ds {
	struct memobj *obj;          /* OWNED */
	struct ep_port_watch *watch; /* the object's port, heard at core's entrypoint */
	cap_t proxy;                 /* OWNED: what clients map */
};

status_t
platform_ram_alloc(void *ctx, uint64_t size, uint64_t *handle)
{
	(void)ctx;
	struct ram_ds *ds;

	if (heap_alloc(core_heap(), sizeof(*ds), (void **)&ds) != STATUS_OK)
		return STATUS_OUT_OF_MEMORY;
	*ds = (struct ram_ds){0, 0, cap_invalid()};
	if (memobj_ram_create(size, &ds->obj) != STATUS_OK)
		goto no_object;
	if (core_mach_memobj_watch(ds->obj, &ds->watch) != STATUS_OK)
		goto no_watch;
	if (memobj_backing(ds->obj, true, &ds->proxy) != STATUS_OK)
		goto no_proxy;
	*handle = (uint64_t)(uintptr_t)ds;
	return STATUS_OK;
no_proxy:
	entrypoint_port_unwatch(ds->watch);
no_watch:
	memobj_destroy(ds->obj);
no_object:
	(void)heap_free(core_heap(), ds);
	return STATUS_OUT_OF_MEMORY;
}

void
platform_ram_free(void *ctx, uint64_t handle, uint64_t size)
{
	(void)ctx;
	(void)size;
	struct ram_ds *ds = (struct ram_ds *)(uintptr_t)handle;

	cap_close(ds->proxy);
	entrypoint_port_unwatch(ds->watch);
	memobj_destroy(ds->obj);
	(void)heap_free(core_heap(), ds);
}

uint64_t
platform_ram_meta(uint64_t size)
{
	return heap_block_cost(sizeof(struct ram_ds)) + sizeof(struct ep_port_watch) +
	       memobj_ram_record_bytes(size);
}

cap_t
platform_ram_backing(uint64_t handle)
{
	return ((const struct ram_ds *)(uintptr_t)handle)->proxy;
}
