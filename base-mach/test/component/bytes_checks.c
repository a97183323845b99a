/*
 * \brief  dataspace_backing_from_bytes: a read-only copy nobody can change
 */

#include <dataspace/map.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>
#include <util/format.h>
#include <util/string.h>

#include "test.h"

static char config[] = "<config><start name=\"hello\"/></config>\n";
static struct dataspace_object cfg;
static cap_t cfg_proxy; /* a copy of cfg's backing, for the checks */
static status_t setup_status;

void
bytes_setup(void)
{
	cap_t backing = cap_invalid();

	setup_status = dataspace_backing_from_bytes(config, sizeof(config), &backing);
	if (setup_status == STATUS_OK)
		setup_status = cap_dup(backing, &cfg_proxy);
	if (setup_status == STATUS_OK)
		setup_status = dataspace_object_init(&cfg, test_ep, sizeof(config), backing);
}

/*
 * The memory object behind the region at or above *addr, as a send right
 * of ours (the caller drops it), -1 past the last region; *offset is the
 * region's start in the object. A port has one name in a task while a
 * right to it is held, so names compare.
 */
static mach_port_t
region_object(vm_address_t *addr, vm_size_t *size, vm_prot_t *max_prot, vm_offset_t *offset)
{
	vm_prot_t prot;
	vm_inherit_t inherit;
	boolean_t shared;
	mach_port_t name = MACH_PORT_NULL;

	if (vm_region(mach_task_self(), addr, size, &prot, max_prot, &inherit, &shared, &name,
	              offset) != KERN_SUCCESS)
		return (mach_port_t)-1;
	return name;
}

/*
 * How many regions of the own task show the bytes mapped at addr (the
 * same object, overlapping offsets: the kernel may have merged a fresh
 * allocation with a neighbour's object); *writable if one may ever write.
 */
static unsigned
object_views(uintptr_t addr, bool *writable)
{
	vm_address_t at = addr;
	vm_size_t size, len;
	vm_prot_t max;
	vm_offset_t start, offset;
	mach_port_t object = region_object(&at, &len, &max, &start), o;
	unsigned views = 0;

	*writable = false;
	if (object == MACH_PORT_NULL || object == (mach_port_t)-1)
		return 0;
	for (at = 0; (o = region_object(&at, &size, &max, &offset)) != (mach_port_t)-1;
	     at += size) {
		if (o == object && offset < start + len && start < offset + size) {
			views++;
			*writable |= (max & VM_PROT_WRITE) != 0;
		}
		if (o != MACH_PORT_NULL)
			(void)syscall_mach_port_deallocate(mach_task_self(), o);
	}
	(void)syscall_mach_port_deallocate(mach_task_self(), object);
	return views;
}

static void
content_checks(void)
{
	const char *addr = 0;
	size_t size = 0;
	bool writable = true;
	char detail[64];
	status_t s = dataspace_map_readonly(cfg.cap, &addr, &size);

	check(s == STATUS_OK && size == sizeof(config) && mem_compare(addr, config, size) == 0,
	      "from_bytes: a client maps and reads the bytes", "");
	if (s != STATUS_OK)
		return;
	config[1] = 'X'; /* the source belongs to the caller: the backing holds a copy */
	check(addr[1] == 'c', "from_bytes: a change of the source does not show", "");
	unsigned views = object_views((uintptr_t)addr, &writable);
	format_string(detail, sizeof(detail), "%u views in this task", views);
	check(views == 2 && !writable,
	      "from_bytes: no view of the bytes in this task may ever be writable", detail);
}

/*
 * GNU Mach cuts the protection of a proxy's mapping to the proxy's
 * maximum instead of refusing: asked read/write, it maps read-only
 */
static void
proxy_checks(void)
{
	vm_address_t a = 0;
	vm_prot_t prot = 0, max = 0;
	uintptr_t at = 0;
	kern_return_t kr =
	        vm_map(mach_task_self(), &a, 4096, 0, TRUE, (mach_port_t)cfg_proxy.sel, 0, FALSE,
	               VM_PROT_READ | VM_PROT_WRITE, VM_PROT_READ | VM_PROT_WRITE, VM_INHERIT_NONE);
	bool mapped = kr == KERN_SUCCESS && region_at(a, &prot, &max);
	bool faulted = mapped && fault_probe(a, true, &at);
	char detail[64];

	format_string(detail, sizeof(detail), "kr %d, prot %d, max %d", kr, prot, max);
	check(kr != KERN_SUCCESS || (mapped && !(max & VM_PROT_WRITE) && faulted && at == a),
	      "from_bytes: a read/write vm_map of the backing cannot write", detail);
}

/* a child's mapping keeps the bytes; the anchor goes once every holder closed the backing */
static void
sweep_checks(void)
{
	static const char second[] = "second";
	cap_t b1 = cap_invalid(), b2 = cap_invalid();
	vm_address_t m = 0;
	bool writable;
	unsigned before = 0, after = 0;
	char detail[64];
	status_t s = dataspace_backing_from_bytes(second, sizeof(second), &b1);

	if (s == STATUS_OK &&
	    vm_map(mach_task_self(), &m, 4096, 0, TRUE, (mach_port_t)b1.sel, 0, FALSE, VM_PROT_READ,
	           VM_PROT_READ, VM_INHERIT_NONE) == KERN_SUCCESS) {
		before = object_views(m, &writable);
		cap_close(b1);
		s = dataspace_backing_from_bytes("third", 6, &b2);
		after = object_views(m, &writable);
	}
	format_string(detail, sizeof(detail), "%u views, then %u", before, after);
	check(s == STATUS_OK && m && before == 2 && after == 1 &&
	              mem_compare((const void *)m, second, sizeof(second)) == 0,
	      "from_bytes: a closed backing's own mapping is dropped, a client's keeps the bytes",
	      detail);
	if (s == STATUS_OK)
		cap_close(b2);
}

void
bytes_checks(void)
{
	check(setup_status == STATUS_OK, "from_bytes: a backing served as a dataspace", "");
	if (setup_status != STATUS_OK)
		return;
	content_checks();
	proxy_checks();
	sweep_checks();
}
