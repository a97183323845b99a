/*
 * \brief  What core's Mach files share: the bootstrap task's kernel ports,
 *         and what the kernel-facing pieces ask of core's glue
 *
 * The kernel hands the bootstrap task the privileged host port and the
 * device master port as the first two words of its boot script
 * (tool/mach_qemu); core keeps them for its whole life.
 */

#ifndef _BASE_MACH__CORE__CORE_MACH_H_
#define _BASE_MACH__CORE__CORE_MACH_H_

#include <base/entrypoint.h>
#include <base/status.h>
#include <mach/port.h>

#include "memobj.h"

extern mach_port_t core_host_priv;     /* host_priv: VM policy, priorities */
extern mach_port_t core_device_master; /* device_open: console, time, I/O */

/*
 * core's one entrypoint, the one platform_tick_watch gets before any
 * session exists (tick.c). Platform code that must run beside the
 * generic records (signal contexts) watches its ports there: on the
 * thread that owns those records, so it needs no locks.
 */
extern struct entrypoint *core_mach_ep;

/* end the machine with core's exit value (QEMU's isa-debug-exit) */
_Noreturn void core_machine_exit(int value);

/*
 * Make the port of obj (BORROWED; it stays the caller's) heard, so that
 * every message on it reaches memobj_dispatch on a thread that never
 * touches a mapping of obj. core's glue: entrypoint_port_watch at core's
 * entrypoint. STATUS_OUT_OF_MEMORY.
 */
status_t core_mach_memobj_serve(struct memobj *obj);

#endif /* _BASE_MACH__CORE__CORE_MACH_H_ */
