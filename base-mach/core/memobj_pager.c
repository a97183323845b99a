/*
 * \brief  The kernel's requests to a memory object (memory_object.defs)
 *
 * MIG's server stubs call these with the request's destination as the
 * first argument; memobj_dispatch puts the record's address there, so
 * each function gets its object without a lookup. Every request carries
 * a send right to the control port (one more user reference on the name
 * core already holds), which is dropped at the end: core keeps exactly
 * the one reference memory_object_init gave.
 */

#include <mach/memory_object.h>
#include <mach_gen/mach.h>
#include <mach_gen/mach_port.h>
#include <mach_gen/memory_object_S.h>
#include <mach_gen/memory_object_default_S.h>
#include <mach_rt.h>
#include <util/string.h>

#include "memobj_record.h"

static struct memobj *
object_of(mach_port_t arg)
{
	return (struct memobj *)(uintptr_t)arg;
}

static void
control_ref_drop(mach_port_t control)
{
	(void)syscall_mach_port_deallocate(mach_task_self(), control);
}

kern_return_t
memory_object_init(mach_port_t object, mach_port_t control, mach_port_t name, vm_size_t page_size)
{
	struct memobj *obj = object_of(object);

	(void)syscall_mach_port_deallocate(mach_task_self(), name); /* never used */
	if (page_size != MEMOBJ_PAGE ||
	    (obj->control != MACH_PORT_NULL && obj->control != control)) {
		/* a second kernel object for one port, or pages of another size: refuse */
		(void)memory_object_destroy(control, KERN_INVALID_ARGUMENT);
		control_ref_drop(control);
		return KERN_SUCCESS;
	}
	if (obj->control == control)
		control_ref_drop(control); /* the kernel said init twice: keep one reference */
	obj->control = control;
	/*
	 * may cache: the pages outlive the last mapping, so a dataspace mapped
	 * again costs no round trip. Copy delay: core changes an object's pages
	 * only through the kernel, so copies may share them until written.
	 */
	(void)memory_object_ready(control, TRUE, MEMORY_OBJECT_COPY_DELAY);
	return KERN_SUCCESS;
}

kern_return_t
memory_object_terminate(mach_port_t object, mach_port_t control, mach_port_t name)
{
	struct memobj *obj = object_of(object);

	/* receive rights to both; control's name also holds core's send reference */
	(void)mach_port_destroy(mach_task_self(), control);
	(void)mach_port_destroy(mach_task_self(), name);
	if (obj->control == control)
		obj->control = MACH_PORT_NULL;
	return KERN_SUCCESS;
}

kern_return_t
memory_object_copy(mach_port_t object, mach_port_t control, vm_offset_t offset, vm_size_t length,
                   mach_port_t new_object)
{
	/* only for MEMORY_OBJECT_COPY_CALL, which core never asks for */
	(void)object, (void)offset, (void)length;
	(void)mach_port_destroy(mach_task_self(), new_object);
	control_ref_drop(control);
	return KERN_SUCCESS;
}

/* a ROM page: the module's bytes, the end of the last page zero, writes locked */
static void
rom_page_supply(struct memobj *obj, mach_port_t control, vm_offset_t offset)
{
	static uint8_t page[MEMOBJ_PAGE] __attribute__((aligned(MEMOBJ_PAGE)));
	size_t avail = offset < obj->rom_size ? obj->rom_size - offset : 0;

	if (avail > MEMOBJ_PAGE)
		avail = MEMOBJ_PAGE;
	/* the kernel copies the data before the call returns (dealloc FALSE) */
	mem_set(page, 0, sizeof(page));
	mem_copy(page, obj->rom + offset, avail);
	(void)memory_object_data_supply(control, offset, (vm_offset_t)page, MEMOBJ_PAGE, FALSE,
	                                VM_PROT_WRITE, FALSE, MACH_PORT_NULL);
}

/* a RAM page: what the kernel returned earlier, or zeros */
static void
ram_page_supply(struct memobj *obj, mach_port_t control, vm_offset_t offset)
{
	vm_offset_t *kept = &obj->page[offset / MEMOBJ_PAGE];

	if (*kept == 0) {
		(void)memory_object_data_unavailable(control, offset, MEMOBJ_PAGE);
		return;
	}
	/*
	 * Precious: the kernel must return it rather than drop it. Copied, not
	 * moved: GNU Mach 1.8 panics in vm_map_copyin_page_list (assertion
	 * "src_entry->wired_count > 0") when a supply moves core's pages
	 * (dealloc TRUE), measured with test-mach_core.
	 */
	if (memory_object_data_supply(control, offset, *kept, MEMOBJ_PAGE, FALSE, VM_PROT_NONE,
	                              TRUE, MACH_PORT_NULL) == KERN_SUCCESS) {
		(void)syscall_vm_deallocate(mach_task_self(), *kept, MEMOBJ_PAGE);
		*kept = 0;
	}
}

kern_return_t
memory_object_data_request(mach_port_t object, mach_port_t control, vm_offset_t offset,
                           vm_size_t length, vm_prot_t access)
{
	struct memobj *obj = object_of(object);

	for (vm_offset_t at = offset; at - offset < length; at += MEMOBJ_PAGE) {
		/* a ROM page asked for writing: that writer faults (see data_unlock) */
		if (at % MEMOBJ_PAGE || at >= obj->size || (obj->rom && (access & VM_PROT_WRITE)))
			(void)memory_object_data_error(control, at, MEMOBJ_PAGE,
			                               KERN_INVALID_ADDRESS);
		else if (obj->rom)
			rom_page_supply(obj, control, at);
		else
			ram_page_supply(obj, control, at);
	}
	control_ref_drop(control);
	return KERN_SUCCESS;
}

kern_return_t
memory_object_data_unlock(mach_port_t object, mach_port_t control, vm_offset_t offset,
                          vm_size_t length, vm_prot_t access)
{
	struct memobj *obj = object_of(object);

	(void)access;
	/*
	 * A write to a ROM page that is in memory (locked against writes): an
	 * error answers only a page being read in, so the page is flushed
	 * instead; the writer's fault repeats, asks for the page to write it
	 * (data_request), and the error there ends its fault. Readers merely
	 * read the page in again.
	 */
	if (obj->rom)
		(void)memory_object_lock_request(control, offset, length, MEMORY_OBJECT_RETURN_NONE,
		                                 TRUE, VM_PROT_NO_CHANGE, MACH_PORT_NULL);
	else
		(void)memory_object_lock_request(control, offset, length, MEMORY_OBJECT_RETURN_NONE,
		                                 FALSE, VM_PROT_NONE, MACH_PORT_NULL);
	control_ref_drop(control);
	return KERN_SUCCESS;
}

/* keep the returned pages (core's memory now) for the next request */
static void
ram_pages_keep(struct memobj *obj, vm_offset_t offset, vm_offset_t data, vm_size_t count)
{
	mach_port_t self = mach_task_self();

	for (vm_size_t done = 0; done < count; done += MEMOBJ_PAGE) {
		vm_offset_t at = offset + done;
		if (obj->rom || at % MEMOBJ_PAGE || at >= obj->size || count - done < MEMOBJ_PAGE) {
			(void)syscall_vm_deallocate(self, data + done, MEMOBJ_PAGE);
			continue;
		}
		vm_offset_t *kept = &obj->page[at / MEMOBJ_PAGE];
		if (*kept)
			(void)syscall_vm_deallocate(self, *kept, MEMOBJ_PAGE);
		*kept = data + done;
	}
}

kern_return_t
memory_object_data_return(mach_port_t object, mach_port_t control, vm_offset_t offset,
                          vm_offset_t data, mach_msg_type_number_t count, boolean_t dirty,
                          boolean_t kernel_copy)
{
	(void)dirty, (void)kernel_copy;
	ram_pages_keep(object_of(object), offset, data, count);
	control_ref_drop(control);
	return KERN_SUCCESS;
}

kern_return_t
memory_object_data_initialize(mach_port_t object, mach_port_t control, vm_offset_t offset,
                              vm_offset_t data, mach_msg_type_number_t count)
{
	/* the default manager's first copy of an anonymous object's page */
	ram_pages_keep(object_of(object), offset, data, count);
	control_ref_drop(control);
	return KERN_SUCCESS;
}

kern_return_t
memory_object_lock_completed(mach_port_t object, mach_port_t control, vm_offset_t offset,
                             vm_size_t length)
{
	(void)object, (void)offset, (void)length;
	control_ref_drop(control);
	return KERN_SUCCESS;
}

kern_return_t
memory_object_supply_completed(mach_port_t object, mach_port_t control, vm_offset_t offset,
                               vm_size_t length, kern_return_t result, vm_offset_t error_offset)
{
	(void)object, (void)offset, (void)length, (void)result, (void)error_offset;
	control_ref_drop(control);
	return KERN_SUCCESS;
}

kern_return_t
memory_object_change_completed(mach_port_t object, boolean_t may_cache,
                               memory_object_copy_strategy_t strategy)
{
	(void)object, (void)may_cache, (void)strategy;
	return KERN_SUCCESS;
}

bool
memobj_dispatch(struct memobj *obj, mach_msg_header_t *msg)
{
	mig_reply_header_t reply = {0};

	/* the stubs hand the destination to the functions above: make it the record */
	msg->msgh_local_port = (mach_port_t)(uintptr_t)obj;
	/* all are simple routines: nothing is sent back */
	return memory_object_server(msg, &reply.Head) ||
	       memory_object_default_server(msg, &reply.Head);
}
