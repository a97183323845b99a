/*
 * \brief  The local region map's mapping calls on GNU Mach: vm_map
 *
 * A reservation is anonymous memory mapped with protection and maximum
 * protection none: nothing can open it (vm_protect cannot raise the
 * maximum), and untouched it costs no pages. A region replaces part of it
 * by a vm_map of the backing (copy FALSE: shared with every other mapper),
 * exactly as accessible as asked (vm_map_full: a read-only backing mapped
 * writable is refused); a hole puts the reservation back.
 *
 * GNU Mach's vm_map never replaces a mapping, so replacing is
 * vm_deallocate, then vm_map at the same address, and for the moment in
 * between the range is a hole. A concurrent "anywhere" placement by
 * another thread of this task (an out-of-line message the kernel copies
 * out, an entrypoint's vm_allocate, a dataspace_map_*) could land in it:
 * Mach fills holes best-fit. Nothing atomic exists (vm_copy, which the
 * thread area uses, gives a copy instead of a shared mapping and needs
 * the range writable; suspending the other threads cannot stop the
 * kernel's copy-out of a message already being received). So the window
 * is kept to two back-to-back calls, and if an intruder took part of the
 * hole, vm_map fails (KERN_NO_SPACE) and is not retried: the free rest of
 * the range is reserved again page by page, the intruder stays where it
 * is, and the caller gets STATUS_INVALID_ARGS / STATUS_OUT_OF_MEMORY and a
 * diagnostic line. A later clear or release of that range would remove
 * the intruder too; the local region map's lock cannot prevent that,
 * since the intruders never take it.
 *
 * Faults: a fault in a task runs no code in that task on Mach; the kernel
 * tells the thread's exception port, which is the component's fault
 * handler (base/fault_mach.h). local_rm_platform_fault_watch makes
 * local_rm_fault its resolver, as Linux's SIGSEGV handler calls it: a
 * fault in a managed dataspace reaches core's RM, which reflects it or
 * names the map that has no handler; unresolved, the handler passes the
 * fault on to core's exception port, which reports the page fault.
 */

#include <base/fault_mach.h>
#include <base/internal/local_rm_platform.h>
#include <base/local_rm.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>

#include "vm_map_full.h"

#define RM_PAGE 4096u

static kern_return_t
rm_vm_map(vm_address_t addr, vm_size_t size, mach_port_t object, vm_offset_t offset, vm_prot_t prot,
          boolean_t anywhere, vm_address_t *out)
{
	*out = addr;
	return vm_map_full(out, size, anywhere, object, offset, prot);
}

/* a range that is no byte of the i386 address space is refused, not truncated */
static bool
rm_range_ok(uint64_t addr, uint64_t size)
{
	return size > 0 && addr <= UINT32_MAX && size <= (uint64_t)UINT32_MAX - addr;
}

/* a hole back to reserved; pages someone else took meanwhile stay theirs */
static kern_return_t
rm_reserve_again(vm_address_t addr, vm_size_t size)
{
	vm_address_t got;
	kern_return_t kr = rm_vm_map(addr, size, MEMORY_OBJECT_NULL, 0, VM_PROT_NONE, FALSE, &got);

	if (kr != KERN_NO_SPACE)
		return kr;
	mach_rt_diag("Warning: local region map: a concurrent allocation took part of "
	             "a reservation\n");
	for (vm_size_t at = 0; at < size; at += RM_PAGE)
		(void)rm_vm_map(addr + at, RM_PAGE, MEMORY_OBJECT_NULL, 0, VM_PROT_NONE, FALSE,
		                &got);
	return kr;
}

status_t
local_rm_platform_reserve(uint64_t size, bool at, uint64_t addr, uint64_t *base)
{
	vm_address_t got = 0;

	if (!rm_range_ok(at ? addr : 0, size))
		return at ? STATUS_CONFLICT : STATUS_OUT_OF_MEMORY;
	kern_return_t kr = rm_vm_map(at ? (vm_address_t)addr : 0, (vm_size_t)size,
	                             MEMORY_OBJECT_NULL, 0, VM_PROT_NONE, !at, &got);
	if (kr != KERN_SUCCESS)
		return at && (kr == KERN_NO_SPACE || kr == KERN_INVALID_ADDRESS)
		               ? STATUS_CONFLICT
		               : STATUS_OUT_OF_MEMORY;
	*base = got;
	return STATUS_OK;
}

status_t
local_rm_platform_map(uint64_t addr, uint64_t size, cap_t backing, uint64_t offset, bool writable)
{
	vm_prot_t prot = VM_PROT_READ | (writable ? VM_PROT_WRITE : 0);
	vm_address_t got;

	if (!rm_range_ok(addr, size) || offset > UINT32_MAX)
		return STATUS_INVALID_ARGS;
	(void)syscall_vm_deallocate(mach_task_self(), (vm_address_t)addr, (vm_size_t)size);
	if (rm_vm_map((vm_address_t)addr, (vm_size_t)size, (mach_port_t)backing.sel,
	              (vm_offset_t)offset, prot, FALSE, &got) == KERN_SUCCESS)
		return STATUS_OK;
	(void)rm_reserve_again((vm_address_t)addr, (vm_size_t)size);
	return STATUS_INVALID_ARGS;
}

status_t
local_rm_platform_clear(uint64_t addr, uint64_t size)
{
	if (!rm_range_ok(addr, size))
		return STATUS_OUT_OF_MEMORY;
	(void)syscall_vm_deallocate(mach_task_self(), (vm_address_t)addr, (vm_size_t)size);
	return rm_reserve_again((vm_address_t)addr, (vm_size_t)size) == KERN_SUCCESS
	               ? STATUS_OK
	               : STATUS_OUT_OF_MEMORY;
}

void
local_rm_platform_release(uint64_t base, uint64_t size)
{
	if (rm_range_ok(base, size))
		(void)syscall_vm_deallocate(mach_task_self(), (vm_address_t)base, (vm_size_t)size);
}

/*
 * Only base/local_rm calls the watch, and it defines local_rm_fault; weak
 * so that a program using these calls without it (test-mach_component)
 * links: there the watch sets no resolver.
 */
extern __typeof__(local_rm_fault) local_rm_fault __attribute__((weak));

status_t
local_rm_platform_fault_watch(void)
{
	if (local_rm_fault)
		mach_fault_resolver_set(local_rm_fault);
	return STATUS_OK;
}
