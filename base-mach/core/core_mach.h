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

/* end the machine with core's exit value (QEMU's isa-debug-exit) */
_Noreturn void core_machine_exit(int value);

struct entrypoint;
struct ep_port_watch;

/*
 * core's one entrypoint once known (core_ep_set.c), NULL before. Platform
 * code that keeps state next to generic records (signal contexts) hears
 * its ports there: on the thread that owns those records, without locks.
 */
extern struct entrypoint *core_mach_ep;

/* the first platform call that names core's entrypoint tells it here */
void core_mach_ep_set(struct entrypoint *ep);

/*
 * Call fn on ep's thread every interval_ms (tick.c): core's periodic work
 * besides the generic tick. STATUS_OUT_OF_MEMORY (no port or thread, or
 * more than core's two ticks).
 */
status_t mach_tick_watch(struct entrypoint *ep, void (*fn)(void), unsigned interval_ms);

/* make core the kernel's default memory manager; before any task exists */
void core_mach_default_manager_start(void);

/* hear the default manager's port at core's entrypoint; before the first task starts */
void core_mach_default_manager_watch(void);

/* as core_mach_memobj_serve, giving the watch for a later unwatch */
status_t core_mach_memobj_watch(struct memobj *obj, struct ep_port_watch **watch);

/*
 * Make the port of obj (BORROWED; it stays the caller's) heard, so that
 * every message on it reaches memobj_dispatch on a thread that never
 * touches a mapping of obj. core's glue: entrypoint_port_watch at core's
 * entrypoint. STATUS_OUT_OF_MEMORY, STATUS_UNAVAILABLE (no entrypoint yet).
 */
status_t core_mach_memobj_serve(struct memobj *obj);

#endif /* _BASE_MACH__CORE__CORE_MACH_H_ */
