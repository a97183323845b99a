/*
 * \brief  Checks of the thread-context area and the main thread's slot
 */

#include <base/internal/thread_context.h>
#include <mach/mig_support.h>
#include <mach_gen/mach.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>

#include "test_thread.h"

struct region {
	kern_return_t kr;
	vm_address_t addr;
	vm_size_t size;
	vm_prot_t prot, max_prot;
};

/* the region at or above addr */
static struct region
region_at(vm_address_t addr)
{
	struct region r = {.addr = addr};
	vm_inherit_t inherit;
	boolean_t shared;
	mach_port_t object = MACH_PORT_NULL;
	vm_offset_t offset;

	r.kr = vm_region(mach_task_self(), &r.addr, &r.size, &r.prot, &r.max_prot, &inherit,
	                 &shared, &object, &offset);
	if (object != MACH_PORT_NULL)
		(void)syscall_mach_port_deallocate(mach_task_self(), object);
	return r;
}

static void
area_reserved_checks(void)
{
	struct region guard = region_at(THREAD_AREA_BASE);
	check(guard.kr == KERN_SUCCESS && guard.addr == THREAD_AREA_BASE &&
	              guard.prot == VM_PROT_NONE &&
	              guard.max_prot == (VM_PROT_READ | VM_PROT_WRITE),
	      "area: reserved at THREAD_AREA_BASE, inaccessible, may be opened RW",
	      "kr %d at 0x%lx prot %d max %d", guard.kr, (unsigned long)guard.addr, guard.prot,
	      guard.max_prot);

	struct region unused = region_at(THREAD_AREA_BASE + THREAD_SLOT_SIZE);
	check(unused.kr == KERN_SUCCESS && unused.addr == THREAD_AREA_BASE + THREAD_SLOT_SIZE &&
	              unused.prot == VM_PROT_NONE,
	      "area: an unused slot is inaccessible", "at 0x%lx prot %d",
	      (unsigned long)unused.addr, unused.prot);
}

static void
main_slot_checks(void)
{
	uintptr_t frame = (uintptr_t)__builtin_frame_address(0);
	struct thread *me = thread_myself();
	struct thread *slot0 = thread_context_control(THREAD_AREA_BASE);

	check(frame - THREAD_AREA_BASE < THREAD_SLOT_SIZE && me == slot0,
	      "main_run: the main thread runs on slot 0's stack", "frame 0x%lx, myself %p, name %s",
	      (unsigned long)frame, (void *)me, thread_name(me));

	/* vm_region above was a kernel RPC: the main thread's reply port is in its slot */
	mach_port_t *reply = mach_rt_reply_slot();
	uintptr_t at = (uintptr_t)reply;
	check(at >= (uintptr_t)slot0 && at < (uintptr_t)slot0 + THREAD_CONTROL_SIZE &&
	              *reply != MACH_PORT_NULL,
	      "reply port: main's is kept in slot 0", "slot word %p, port %u", (void *)reply,
	      (unsigned)*reply);
}

/* what MIG's stubs do with a reply port after a failed call: it must be gone */
static void
reply_drop_checks(void)
{
	mach_port_t *slot = mach_rt_reply_slot();
	mach_port_t dropped = *slot;
	mach_port_type_t type = 0;

	mig_dealloc_reply_port(dropped);
	kern_return_t kr = mach_port_type(mach_task_self(), dropped, &type);
	check(kr == KERN_INVALID_NAME && *slot != MACH_PORT_NULL && *slot != dropped,
	      "reply port: a dropped one is destroyed, the next call makes another",
	      "port %u: type kr %d, type 0x%x, now port %u", (unsigned)dropped, kr, (unsigned)type,
	      (unsigned)*slot);
}

void
area_checks(void)
{
	area_reserved_checks();
	main_slot_checks();
	reply_drop_checks();
}
