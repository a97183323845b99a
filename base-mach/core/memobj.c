/*
 * \brief  A memory object's life: its record, its port, its proxies
 *
 * The record lives in core's own anonymous memory (vm_allocate), with one
 * word per page for a RAM object's returned pages.
 */

#include <mach/memory_object.h>
#include <mach_gen/mach.h>
#include <mach_gen/mach4.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>

#include "memobj_record.h"

static vm_size_t
page_round(uint64_t size)
{
	return (vm_size_t)((size + MEMOBJ_PAGE - 1) & ~(uint64_t)(MEMOBJ_PAGE - 1));
}

static uint64_t
record_bytes(size_t pages)
{
	return page_round(sizeof(struct memobj) + (uint64_t)pages * sizeof(vm_offset_t));
}

uint64_t
memobj_ram_record_bytes(uint64_t size)
{
	return record_bytes(page_round(size) / MEMOBJ_PAGE);
}

/* a zeroed record: no returned pages, no port, no control yet */
static status_t
record_alloc(vm_size_t size, size_t pages, struct memobj **obj)
{
	vm_size_t bytes;
	vm_address_t addr = 0;

	if (size == 0 || size > 0x40000000u)
		return STATUS_OUT_OF_MEMORY; /* more than i386 could ever map */
	bytes = (vm_size_t)record_bytes(pages);
	if (syscall_vm_allocate(mach_task_self(), &addr, bytes, TRUE) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	*obj = (struct memobj *)addr;
	(*obj)->size = size;
	(*obj)->record_size = bytes;
	return STATUS_OK;
}

/* the object's port: core's receive right and one send right for its own vm_map */
static status_t
record_port(struct memobj *obj)
{
	mach_port_t self = mach_task_self(), port = MACH_PORT_NULL;

	if (syscall_mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &port) != KERN_SUCCESS)
		port = MACH_PORT_NULL;
	else if (syscall_mach_port_insert_right(self, port, port, MACH_MSG_TYPE_MAKE_SEND) ==
	         KERN_SUCCESS) {
		obj->port = port;
		return STATUS_OK;
	}
	if (port != MACH_PORT_NULL)
		(void)mach_port_destroy(self, port);
	(void)syscall_vm_deallocate(self, (vm_address_t)obj, obj->record_size);
	return STATUS_OUT_OF_MEMORY;
}

status_t
memobj_ram_create(uint64_t size, struct memobj **obj)
{
	vm_size_t rounded = page_round(size);
	status_t s = record_alloc(rounded, rounded / MEMOBJ_PAGE, obj);

	return s == STATUS_OK ? record_port(*obj) : s;
}

status_t
memobj_rom_create(const uint8_t *bytes, size_t size, struct memobj **obj)
{
	/* an empty module still maps one page of zeros */
	status_t s = record_alloc(page_round(size ? size : 1), 0, obj);

	if (s != STATUS_OK)
		return s;
	(*obj)->rom = bytes;
	(*obj)->rom_size = size;
	return record_port(*obj);
}

status_t
memobj_ram_adopt(mach_port_t port, vm_size_t size, mach_port_t control, struct memobj **obj)
{
	vm_size_t rounded = page_round(size);
	status_t s = record_alloc(rounded, rounded / MEMOBJ_PAGE, obj);

	if (s != STATUS_OK)
		return s;
	(*obj)->port = port;
	(*obj)->control = control;
	return STATUS_OK;
}

void
memobj_destroy(struct memobj *obj)
{
	mach_port_t self = mach_task_self();

	/* the kernel drops the pages now, whoever still maps them */
	if (obj->control != MACH_PORT_NULL) {
		(void)memory_object_destroy(obj->control, KERN_SUCCESS);
		(void)syscall_mach_port_deallocate(self, obj->control);
	}
	/* the terminate that follows finds no port: its rights die with the message */
	(void)mach_port_destroy(self, obj->port);
	for (size_t i = 0; !obj->rom && i < obj->size / MEMOBJ_PAGE; i++)
		if (obj->page[i])
			(void)syscall_vm_deallocate(self, obj->page[i], MEMOBJ_PAGE);
	(void)syscall_vm_deallocate(self, (vm_address_t)obj, obj->record_size);
}

mach_port_t
memobj_port(const struct memobj *obj)
{
	return obj->port;
}

uint64_t
memobj_size(const struct memobj *obj)
{
	return obj->size;
}

status_t
memobj_backing(struct memobj *obj, bool writable, cap_t *backing)
{
	vm_prot_t max =
	        VM_PROT_READ | VM_PROT_EXECUTE | (writable && !obj->rom ? VM_PROT_WRITE : 0);
	vm_offset_t offset = 0, start = 0;
	vm_size_t len = obj->size;
	mach_port_t proxy = MACH_PORT_NULL;

	if (memory_object_create_proxy(mach_task_self(), max, &obj->port, MACH_MSG_TYPE_COPY_SEND,
	                               1, &offset, 1, &start, 1, &len, 1, &proxy) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	backing->sel = (long)proxy;
	return STATUS_OK;
}
