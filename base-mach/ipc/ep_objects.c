/*
 * \brief  The objects an entrypoint manages, for dissolving them all at its end
 *
 * Calls find their object by the port's protected payload; this table is
 * only for entrypoint_destroy and for checking a dissolve. An object's
 * ep_id is its index, so removal is a swap with the last entry.
 */

#include <mach_rt.h>
#include <util/string.h>

#include "ep.h"
#include "internal.h"

_Static_assert(sizeof(struct ep_object) <= RPC_OBJECT_CALLER_COST,
               "an object costs more than a caller line is charged");

static status_t
objects_grow(struct entrypoint *ep)
{
	uint32_t capacity = ep->capacity ? ep->capacity * 2 : 4096 / sizeof(struct ep_object);
	vm_address_t addr = 0;

	if (syscall_vm_allocate(ipc_task(), &addr, capacity * sizeof(struct ep_object), TRUE) !=
	    KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	if (ep->objects) {
		mem_copy((void *)addr, ep->objects, ep->count * sizeof(struct ep_object));
		(void)syscall_vm_deallocate(ipc_task(), (vm_address_t)ep->objects,
		                            ep->capacity * sizeof(struct ep_object));
	}
	ep->objects = (struct ep_object *)addr;
	ep->capacity = capacity;
	return STATUS_OK;
}

status_t
ep_objects_add(struct entrypoint *ep, struct rpc_object *obj, mach_port_t port)
{
	if (ep->count == ep->capacity && objects_grow(ep) != STATUS_OK)
		return STATUS_OUT_OF_MEMORY;
	ep->objects[ep->count] = (struct ep_object){.obj = obj, .port = port};
	obj->ep_id = ep->count++;
	return STATUS_OK;
}

void
ep_objects_remove(struct entrypoint *ep, uint32_t index)
{
	ep->objects[index] = ep->objects[--ep->count];
	if (index < ep->count)
		ep->objects[index].obj->ep_id = index;
}

void
ep_objects_free(struct entrypoint *ep)
{
	if (ep->objects)
		(void)syscall_vm_deallocate(ipc_task(), (vm_address_t)ep->objects,
		                            ep->capacity * sizeof(struct ep_object));
	ep->objects = NULL;
	ep->count = ep->capacity = 0;
}
