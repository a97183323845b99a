/*
 * \brief  A read-only backing made from bytes (init's config ROMs) on GNU Mach
 *
 * The bytes are copied into fresh anonymous memory of the own task, whose
 * maximum protection is then lowered to read (vm_protect cannot raise it
 * again, vm_write and vm_copy need write access), and the kernel makes a
 * proxy of that region with maximum protection read
 * (vm_region_create_proxy; core, the default memory manager, becomes
 * the region's pager, so this path cannot panic the kernel). Nobody can
 * change the bytes afterwards: the proxy maps read-only only, and the
 * one mapping that was writable no longer can be.
 *
 * That mapping must stay: the kernel's object of anonymous memory is
 * temporary, so when its last mapping goes, its pages are freed, not
 * written back, and a later vm_map of the proxy would read zeros
 * (test-mach_component shows it). It is the object's anchor until every
 * holder of the backing closed it: each anchor keeps one user reference
 * of the proxy's name of its own, and a later call sweeps the anchors
 * whose name holds no reference but that one, unmapping them. Clients'
 * mappings hold the object themselves.
 */

#include <base/lock.h>
#include <dataspace/map.h>
#include <mach_gen/mach.h>
#include <mach_gen/mach4.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>
#include <util/string.h>

#define BYTES_PAGE 4096u

enum { ANCHORS_MAX = 64 };

struct anchor {
	mach_port_t proxy; /* our own user reference (OWNED); MACH_PORT_NULL: free */
	vm_address_t addr; /* the read-only mapping (OWNED) */
	vm_size_t size;
};

static struct anchor anchors[ANCHORS_MAX];
static struct lock anchors_lock = LOCK_INIT_UNLOCKED;

/* with anchors_lock held: free what nobody but the anchor refers to */
static void
anchors_sweep(void)
{
	mach_port_t self = mach_task_self();

	for (unsigned i = 0; i < ANCHORS_MAX; i++) {
		mach_port_urefs_t refs = 0;
		struct anchor *a = &anchors[i];

		if (a->proxy == MACH_PORT_NULL ||
		    mach_port_get_refs(self, a->proxy, MACH_PORT_RIGHT_SEND, &refs) !=
		            KERN_SUCCESS ||
		    refs > 1)
			continue;
		(void)syscall_vm_deallocate(self, a->addr, a->size);
		(void)syscall_mach_port_deallocate(self, a->proxy);
		a->proxy = MACH_PORT_NULL;
	}
}

/* keep the mapping while the proxy is held; untracked (kept for good) if no anchor is free */
static void
anchor_add(mach_port_t proxy, vm_address_t addr, vm_size_t size)
{
	lock_acquire(&anchors_lock);
	anchors_sweep();
	for (unsigned i = 0; i < ANCHORS_MAX; i++) {
		if (anchors[i].proxy != MACH_PORT_NULL)
			continue;
		if (mach_port_mod_refs(mach_task_self(), proxy, MACH_PORT_RIGHT_SEND, 1) ==
		    KERN_SUCCESS)
			anchors[i] = (struct anchor){.proxy = proxy, .addr = addr, .size = size};
		break;
	}
	lock_release(&anchors_lock);
}

status_t
dataspace_backing_from_bytes(const char *bytes, size_t len, cap_t *backing)
{
	mach_port_t self = mach_task_self(), proxy = MACH_PORT_NULL;
	vm_size_t size = ((vm_size_t)len + BYTES_PAGE - 1) & ~(vm_size_t)(BYTES_PAGE - 1);
	vm_address_t addr = 0;

	if (size == 0)
		size = BYTES_PAGE; /* an empty backing still maps a page of zeros */
	if (len > size || syscall_vm_allocate(self, &addr, size, TRUE) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	mem_copy((void *)addr, bytes, len);
	if (vm_protect(self, addr, size, TRUE, VM_PROT_READ) != KERN_SUCCESS ||
	    vm_inherit(self, addr, size, VM_INHERIT_NONE) != KERN_SUCCESS ||
	    vm_region_create_proxy(self, addr, VM_PROT_READ, size, &proxy) != KERN_SUCCESS) {
		(void)syscall_vm_deallocate(self, addr, size);
		return STATUS_OUT_OF_MEMORY;
	}
	anchor_add(proxy, addr, size);
	backing->sel = (long)proxy;
	return STATUS_OK;
}
