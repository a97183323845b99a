/*
 * \brief  Shared between the files of test-mach_component
 */

#ifndef _BASE_MACH__TEST__COMPONENT__TEST_H_
#define _BASE_MACH__TEST__COMPONENT__TEST_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/entrypoint.h>
#include <dataspace/object.h>
#include <mach/mach_types.h>

#include "../../core/memobj.h"

/* ../core/console.c: lines, counting, the verdict through isa-debug-exit */
extern mach_port_t test_device_master;
void console_line(const char *text);
_Noreturn void verdict_exit(void);
void check(bool ok, const char *what, const char *detail);

/* pager.c: core's part, served on a thread of its own */
kern_return_t pager_start(mach_port_t host_priv);
status_t pager_serve(struct memobj *obj);

/* fault.c: does a read or write at addr fault? *fault_addr: the address the kernel reported */
bool fault_probe(uintptr_t addr, bool write, uintptr_t *fault_addr);

/* the entrypoint serving the dataspaces and the timers, run by a thread of its own */
extern struct entrypoint *test_ep;
status_t ep_thread_start(void);

/* a dataspace of a fresh memory object: ROM of bytes, or RAM of size bytes */
struct test_ds {
	struct memobj *obj;
	struct dataspace_object ds;
	cap_t backing; /* a proxy, as core hands out */
};
status_t test_ds_rom(struct test_ds *t, const uint8_t *bytes, size_t size);
status_t test_ds_ram(struct test_ds *t, size_t size);

/* the protection of the region at addr; false if nothing is mapped there */
bool region_at(uintptr_t addr, vm_prot_t *prot, vm_prot_t *max);

/* the checks; *_setup on the idle entrypoint, the rest while it runs */
void ds_setup(void);
void ds_checks(void);
void bytes_setup(void);
void bytes_checks(void);
void rm_checks(void);
void timer_setup(void);
void timer_checks(void);

#endif /* _BASE_MACH__TEST__COMPONENT__TEST_H_ */
