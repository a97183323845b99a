/*
 * \brief  The test's entrypoint thread, its dataspaces, a region query
 */

#include <base/thread.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>

#include "test.h"

struct entrypoint *test_ep;

static void
ep_loop(void *arg)
{
	(void)arg;
	(void)entrypoint_run(test_ep);
}

status_t
ep_thread_start(void)
{
	struct thread *thread;
	status_t s = thread_create("ep", 0, ep_loop, 0, &thread);

	return s == STATUS_OK ? thread_start(thread) : s;
}

/* the entrypoint is made on first use, before its thread runs */
static status_t
ep_get(void)
{
	return test_ep ? STATUS_OK : entrypoint_create(&test_ep);
}

status_t
test_ds_rom(struct test_ds *t, const uint8_t *bytes, size_t size)
{
	status_t s = ep_get();

	if (s == STATUS_OK)
		s = memobj_rom_create(bytes, size, &t->obj);
	if (s == STATUS_OK)
		s = pager_serve(t->obj);
	if (s == STATUS_OK)
		s = memobj_backing(t->obj, false, &t->backing);
	return s == STATUS_OK ? dataspace_object_serve(&t->ds, test_ep, size, t->backing, false)
	                      : s;
}

status_t
test_ds_ram(struct test_ds *t, size_t size)
{
	status_t s = ep_get();

	if (s == STATUS_OK)
		s = memobj_ram_create(size, &t->obj);
	if (s == STATUS_OK)
		s = pager_serve(t->obj);
	if (s == STATUS_OK)
		s = memobj_backing(t->obj, true, &t->backing);
	return s == STATUS_OK ? dataspace_object_serve(&t->ds, test_ep, size, t->backing, true) : s;
}

bool
region_at(uintptr_t addr, vm_prot_t *prot, vm_prot_t *max)
{
	vm_address_t at = addr;
	vm_size_t size = 0;
	vm_inherit_t inherit;
	boolean_t shared;
	mach_port_t name = MACH_PORT_NULL;
	vm_offset_t offset;

	if (vm_region(mach_task_self(), &at, &size, prot, max, &inherit, &shared, &name, &offset) !=
	    KERN_SUCCESS)
		return false;
	if (name != MACH_PORT_NULL)
		(void)syscall_mach_port_deallocate(mach_task_self(), name);
	return at <= addr && addr - at < size;
}
