/*
 * \brief  vm_map that grants what was asked or nothing
 *
 * GNU Mach 1.8's vm_map looks a proxy up and cuts the protections asked
 * for down to the proxy's maximum, silently (measured: a read/write
 * vm_map of a read-only proxy succeeds, read-only). A caller that asked
 * for write access must learn that it has none, so the region is read
 * back (vm_region) and compared.
 */

#include <stdbool.h>

#include <mach_gen/mach.h>
#include <mach_rt.h>

#include "vm_map_full.h"

static bool
granted(vm_address_t addr, vm_prot_t prot)
{
	vm_address_t at = addr;
	vm_size_t size = 0;
	vm_prot_t cur = VM_PROT_NONE, max = VM_PROT_NONE;
	vm_inherit_t inherit;
	boolean_t shared;
	mach_port_t name = MACH_PORT_NULL;
	vm_offset_t offset;

	if (vm_region(mach_task_self(), &at, &size, &cur, &max, &inherit, &shared, &name,
	              &offset) != KERN_SUCCESS)
		return false;
	if (name != MACH_PORT_NULL)
		(void)syscall_mach_port_deallocate(mach_task_self(), name);
	return at == addr && (cur & prot) == prot && (max & prot) == prot;
}

kern_return_t
vm_map_full(vm_address_t *addr, vm_size_t size, boolean_t anywhere, mach_port_t object,
            vm_offset_t offset, vm_prot_t prot)
{
	kern_return_t kr = vm_map(mach_task_self(), addr, size, 0, anywhere, object, offset, FALSE,
	                          prot, prot, VM_INHERIT_NONE);

	if (kr != KERN_SUCCESS || granted(*addr, prot))
		return kr;
	(void)syscall_vm_deallocate(mach_task_self(), *addr, size);
	return KERN_PROTECTION_FAILURE;
}
