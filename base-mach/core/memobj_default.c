/*
 * \brief  core as the kernel's default memory manager
 *
 * GNU Mach panics when vm_region_create_proxy meets anonymous memory and
 * no default memory manager exists (/work/shared/docs/platform-mach.md);
 * every task holds its own task port, so every task could get there. core
 * therefore registers itself before any other task exists. The kernel
 * then hands core a new memory object (memory_object_create) whenever it
 * needs a pager for anonymous memory: core serves it like RAM, keeping
 * what the kernel pages out in core's own memory. That is no swap, but
 * no panic and no lost page either.
 */

#include <mach_gen/mach.h>
#include <mach_gen/mach_port.h>
#include <mach_gen/memory_object_default_S.h>
#include <mach_rt.h>

#include "memobj_record.h"

static void (*adopt_fn)(struct memobj *obj);

status_t
memobj_default_register(mach_port_t host_priv, void (*adopt)(struct memobj *obj), mach_port_t *port)
{
	mach_port_t self = mach_task_self(), manager = MACH_PORT_NULL;

	if (syscall_mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &manager) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	adopt_fn = adopt;
	*port = manager;
	/* in: core's port (a send right is made); out: the previous manager, none at boot */
	if (vm_set_default_memory_manager(host_priv, &manager) != KERN_SUCCESS) {
		(void)mach_port_destroy(self, *port);
		return STATUS_DENIED;
	}
	if (manager != MACH_PORT_NULL)
		(void)syscall_mach_port_deallocate(self, manager);
	return STATUS_OK;
}

kern_return_t
memory_object_create(mach_port_t manager, mach_port_t object, vm_size_t size, mach_port_t control,
                     mach_port_t name, vm_size_t page_size)
{
	mach_port_t self = mach_task_self();
	struct memobj *obj;

	(void)manager;
	(void)syscall_mach_port_deallocate(self, name);
	if (page_size != MEMOBJ_PAGE ||
	    memobj_ram_adopt(object, size, control, &obj) != STATUS_OK) {
		/* the kernel's object then has no pager: its pages stay where they are */
		(void)mach_port_destroy(self, object);
		(void)syscall_mach_port_deallocate(self, control);
		return KERN_SUCCESS;
	}
	adopt_fn(obj);
	return KERN_SUCCESS;
}

bool
memobj_default_dispatch(mach_msg_header_t *msg)
{
	mig_reply_header_t reply = {0};

	return memory_object_default_server(msg, &reply.Head);
}
