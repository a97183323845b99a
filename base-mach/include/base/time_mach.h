/*
 * \brief  Where base-mach's clock comes from (not generic)
 *
 * platform_time_us (base/internal/futex.h) reads the page the kernel
 * updates at each clock tick (device "time", a mapped_time_value_t): no
 * call per reading. Opening that device takes the device master port,
 * which only a bootstrap task holds, so:
 * - a bootstrap task (core, the tests in base-mach/test) calls
 *   mach_time_map once with its device master port;
 * - a component gets the page from core, which maps it read-only into the
 *   component's task before starting it (doc/platform-mach.md, "Threads,
 *   locks, time"), and its start-up calls mach_time_attach;
 * - until one of these happened, platform_time_us asks the kernel
 *   (host_get_time on the host name port), one RPC per reading.
 */

#ifndef _BASE_MACH__INCLUDE__BASE__TIME_MACH_H_
#define _BASE_MACH__INCLUDE__BASE__TIME_MACH_H_

#include <base/status.h>
#include <mach/port.h>
#include <mach/time_value.h>

/*
 * Map the time page into the own task and read the clock from it.
 * device_master is BORROWED. STATUS_UNAVAILABLE if the kernel refused
 * (no time device, no mapping); the clock then stays on host_get_time.
 */
status_t mach_time_map(mach_port_t device_master);

/*
 * The memory object of the time page, for core to map into the tasks it
 * creates (vm_map with max protection VM_PROT_READ). *pager is OWNED by
 * the caller. STATUS_UNAVAILABLE as for mach_time_map.
 */
status_t mach_time_pager(mach_port_t device_master, mach_port_t *pager);

/*
 * Where core maps the time page into every task it creates (read-only,
 * maximum protection read), just below the thread-context area, so a
 * component's start-up finds it without being told.
 */
#define MACH_TIME_PAGE_ADDR 0x4ffff000u

/* read the clock from a time page mapped by someone else (BORROWED for good) */
void mach_time_attach(const volatile mapped_time_value_t *page);

#endif /* _BASE_MACH__INCLUDE__BASE__TIME_MACH_H_ */
