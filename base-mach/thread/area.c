/*
 * \brief  The thread-context area on GNU Mach: vm_map, vm_protect, vm_copy
 *
 * The area is anonymous memory mapped inaccessible, with RW as its maximum
 * protection, so that opening a slot is one vm_protect. Closing one must
 * also drop the pages (the generic code relies on a reopened slot reading
 * zero). Mach has no call that drops the pages of a range in place, and
 * vm_map never replaces a mapping: deallocating and mapping again would
 * leave a hole for a moment, and Mach fills holes best-fit, so a
 * concurrent allocation of about a stack's size (an out-of-line message,
 * a heap block) would land right there. Instead the range is overwritten
 * by a virtual copy of memory that was never touched (vm_copy): the
 * kernel replaces the range's object by a copy-on-write reference to the
 * empty one and frees the old pages, and the range never leaves the area.
 */

#include <mach_gen/mach.h>
#include <mach_rt.h>
#include <util/format.h>

#include "mach_thread.h"

#define AREA_MAX_PROT (VM_PROT_READ | VM_PROT_WRITE)

static uintptr_t area_base;    /* 0 until reserved */
static vm_address_t area_zero; /* THREAD_SLOT_SIZE bytes never written: the source of zeros */

uintptr_t
mach_area_base(void)
{
	return __atomic_load_n(&area_base, __ATOMIC_ACQUIRE);
}

/* anonymous memory; children created by task_create never need it */
static kern_return_t
area_allocate(vm_address_t *addr, vm_size_t size, vm_address_t mask, boolean_t anywhere,
              vm_prot_t prot, vm_prot_t max)
{
	return vm_map(mach_task_self(), addr, size, mask, anywhere, MEMORY_OBJECT_NULL, 0, FALSE,
	              prot, max, VM_INHERIT_NONE);
}

static void
area_report(const char *level, uintptr_t wanted, size_t size, const char *outcome)
{
	char msg[160];

	format_string(msg, sizeof(msg), "%s: thread-context area 0x%lx..0x%lx is taken, %s\n",
	              level, (unsigned long)wanted, (unsigned long)(wanted + size), outcome);
	mach_rt_diag(msg);
}

/* wanted if free, else anywhere aligned to a slot (vm_map's mask does the aligning) */
static uintptr_t
area_place(uintptr_t wanted, size_t size)
{
	vm_address_t addr = wanted;
	char where[48];

	if (area_allocate(&addr, size, 0, FALSE, VM_PROT_NONE, AREA_MAX_PROT) == KERN_SUCCESS)
		return addr;
	addr = 0;
	if (area_allocate(&addr, size, THREAD_SLOT_SIZE - 1, TRUE, VM_PROT_NONE, AREA_MAX_PROT) !=
	    KERN_SUCCESS) {
		area_report("Error", wanted, size,
		            "and no other range is free: threads unavailable");
		return 0;
	}
	format_string(where, sizeof(where), "using 0x%lx instead", (unsigned long)addr);
	area_report("Warning", wanted, size, where);
	return addr;
}

uintptr_t
platform_context_area_reserve(uintptr_t wanted, size_t size)
{
	uintptr_t base = area_place(wanted, size);
	vm_address_t zero = 0;

	if (!base)
		return 0;
	/* readable for vm_copy, never writable: it stays without pages */
	if (area_allocate(&zero, THREAD_SLOT_SIZE, 0, TRUE, VM_PROT_READ, VM_PROT_READ) !=
	    KERN_SUCCESS) {
		mach_rt_diag("Error: no memory for the thread-context area's zero source\n");
		(void)vm_deallocate(mach_task_self(), base, size);
		return 0;
	}
	area_zero = zero;
	__atomic_store_n(&area_base, base, __ATOMIC_RELEASE);
	return base;
}

status_t
platform_context_map(uintptr_t addr, size_t size)
{
	kern_return_t kr = vm_protect(mach_task_self(), addr, size, FALSE, AREA_MAX_PROT);
	return kr == KERN_SUCCESS ? STATUS_OK : STATUS_OUT_OF_MEMORY;
}

void
platform_context_unmap(uintptr_t addr, size_t size)
{
	mach_port_t task = mach_task_self();

	/*
	 * vm_copy writes: the range is made writable first (the generic code
	 * closes whole slots, guards included). The generic code closes at
	 * most one slot at a time, the size of the zero source.
	 */
	kern_return_t kr = size > THREAD_SLOT_SIZE
	                           ? KERN_INVALID_ARGUMENT
	                           : vm_protect(task, addr, size, FALSE, AREA_MAX_PROT);
	if (kr == KERN_SUCCESS)
		kr = vm_copy(task, area_zero, size, addr);
	if (kr != KERN_SUCCESS)
		mach_rt_diag("Error: a closed thread-context slot keeps its old contents\n");
	(void)vm_protect(task, addr, size, FALSE, VM_PROT_NONE);
}

/*
 * A fault runs no code in the faulting thread on Mach: the kernel sends an
 * exception message to the thread's exception port. Guard faults are
 * recognised by the component's fault handler thread (base/fault_mach.h),
 * which the component's start-up runs right after the area is reserved:
 * starting a thread here, under the area's lock and before the area has
 * its base, cannot work, and a bootstrap task (core, the tests) has no use
 * for it. Nothing to set up here.
 */
void
platform_context_fault_init(void)
{
}
