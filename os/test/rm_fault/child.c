/*
 * \brief  test-rm_fault: the child role (Genode's main_child)
 *
 * In Genode the child is a process whose whole address space is the
 * parent's RM session. On Linux a process's address space is the
 * kernel's, so the child here is a thread of the test that attaches the
 * parent's managed dataspace into the local region map at Genode's
 * address; its accesses to holes there fault exactly as in Genode and are
 * resolved through core and the parent's fault handler.
 *
 * One difference stays visible: on Linux core cannot take a mapping away
 * from a component, so the parent's detach ("revoke") reaches this view
 * only when it re-syncs (doc/region_maps.md). The child syncs before each
 * modification, so every round's detach makes the next one fault again.
 */

#include <base/local_rm.h>
#include <base/log.h>
#include <base/thread.h>

#include "rm_fault.h"

static void
read_at(uintptr_t addr)
{
	log_print("perform read operation at 0x%lx", (unsigned long)addr);
	int value = *(volatile int *)addr;
	log_print("read value %x", (unsigned)value);
}

static void
modify(uintptr_t addr)
{
	(void)local_rm_sync(); /* see above: a revoked page faults again */
	/* one read-modify-write instruction, as Genode's ++ compiles: a write fault */
	int value = __atomic_add_fetch((int *)addr, 1, __ATOMIC_RELAXED);
	log_print("modify memory at 0x%lx to %x", (unsigned long)addr, (unsigned)value);
}

static void
child_main(void *arg)
{
	dataspace_cap_t *ds = arg;
	void *base = 0;
	log_print("child role started");
	status_t s = local_rm_attach(*ds, 0, 0, true, MANAGED_ADDR, &base);
	if (s != STATUS_OK) {
		log_error("child: attaching the managed dataspace at 0x%x: %s", MANAGED_ADDR,
		          status_name(s));
		return;
	}
	/* perform illegal access */
	read_at(MANAGED_ADDR);
	for (;;)
		modify(MANAGED_ADDR);
}

status_t
child_role_start(dataspace_cap_t ds)
{
	static dataspace_cap_t arg; /* the thread runs until the component ends */
	struct thread *t = 0;
	arg = ds;
	status_t s = thread_create("child", 0, child_main, &arg, &t);
	return s == STATUS_OK ? thread_start(t) : s;
}
