/*
 * \brief  Dataspaces on GNU Mach: the backing is a memory object
 *
 * A backing capability is a send right to a memory object, for
 * components a kernel proxy of one of core's objects (doc/platform-mach.md,
 * "Memory and dataspaces"). Mapping it is vm_map with copy FALSE, so every
 * mapper shares the kernel's pages. A read-only mapping gets VM_PROT_READ
 * as its maximum protection too: a write faults, and not even vm_protect
 * can make it writable later. A writable mapping of a backing that maps
 * read-only only (a server that says "writable" of a ROM) is refused
 * rather than silently read-only. Mappings are not inherited: tasks core
 * creates never inherit anything anyway.
 */

#include <dataspace/client.h>
#include <dataspace/map.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>

#include "vm_map_full.h"

#define DS_PAGE 4096u

/* anywhere in the own task; KERN_PROTECTION_FAILURE: the backing maps with less than prot */
static kern_return_t
ds_vm_map(cap_t backing, uint64_t size, vm_prot_t prot, vm_address_t *addr)
{
	*addr = 0;
	if (size > (uint64_t)(vm_size_t)-DS_PAGE)
		return KERN_NO_SPACE; /* more than the i386 address space */
	vm_size_t bytes = ((vm_size_t)size + DS_PAGE - 1) & ~(vm_size_t)(DS_PAGE - 1);
	return vm_map_full(addr, bytes, TRUE, (mach_port_t)backing.sel, 0, prot);
}

status_t
dataspace_map_readonly(dataspace_cap_t ds, const char **addr, size_t *size)
{
	uint64_t bytes = 0;
	cap_t backing = cap_invalid();
	status_t s = dataspace_size(ds, &bytes);

	if (s != STATUS_OK)
		return s;
	if (bytes == 0) {
		static const char empty[1];
		*addr = empty;
		*size = 0;
		return STATUS_OK;
	}
	s = dataspace_map_handle(ds, &backing);
	if (s != STATUS_OK)
		return s;
	vm_address_t p;
	kern_return_t kr = ds_vm_map(backing, bytes, VM_PROT_READ, &p);
	cap_close(backing); /* the mapping holds the object */
	if (kr != KERN_SUCCESS)
		return STATUS_INVALID_ARGS;
	*addr = (const char *)p;
	*size = (size_t)bytes;
	return STATUS_OK;
}

status_t
dataspace_map_writable(dataspace_cap_t ds, void **addr, size_t *size)
{
	uint64_t bytes = 0;
	bool writable = false;
	cap_t backing = cap_invalid();
	status_t s = dataspace_size(ds, &bytes);

	if (s == STATUS_OK)
		s = dataspace_writable(ds, &writable);
	if (s == STATUS_OK && (!writable || bytes == 0))
		s = STATUS_DENIED;
	if (s == STATUS_OK)
		s = dataspace_map_handle(ds, &backing);
	if (s != STATUS_OK)
		return s;
	vm_address_t p;
	kern_return_t kr = ds_vm_map(backing, bytes, VM_PROT_READ | VM_PROT_WRITE, &p);
	cap_close(backing); /* the mapping holds the object */
	if (kr == KERN_PROTECTION_FAILURE)
		return STATUS_DENIED; /* the server says writable, its backing does not */
	if (kr != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	*addr = (void *)p;
	*size = (size_t)bytes;
	return STATUS_OK;
}

void
dataspace_unmap(void *addr, size_t size)
{
	vm_size_t bytes = ((vm_size_t)size + DS_PAGE - 1) & ~(vm_size_t)(DS_PAGE - 1);

	(void)syscall_vm_deallocate(mach_task_self(), (vm_address_t)addr, bytes);
}
