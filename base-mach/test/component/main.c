/*
 * \brief  test-mach_component: the component side of GNU Mach in one boot
 *
 * A bootstrap task (boot script: test-mach_component ${host-port}
 * ${device-port}) that plays core for itself: it becomes the default
 * memory manager and serves RAM and ROM memory objects on a pager thread
 * (base-mach/core/memobj*), serves dataspaces of their proxies on an
 * entrypoint thread, and checks component_platform (dataspace mapping,
 * backings from bytes, the local region map's calls) and timer_platform
 * against them. One line per check, then "N passed, N failed"; QEMU exits
 * with 0x10 only if all passed.
 */

#include <base/thread.h>
#include <base/time_mach.h>
#include <mach_rt.h>
#include <util/format.h>

#include "test.h"

static mach_port_t host_priv;

static mach_port_t
number(const char *s)
{
	mach_port_t n = 0;

	for (; s && *s >= '0' && *s <= '9'; s++)
		n = n * 10 + (mach_port_t)(*s - '0');
	return n;
}

/* as thread "main" in the context area, so that every thread has its own MIG reply port */
static void
main_slot_run(void *arg)
{
	char detail[48];
	kern_return_t kr = pager_start(host_priv);

	(void)arg;
	format_string(detail, sizeof(detail), "kr %d", kr);
	check(kr == KERN_SUCCESS, "setup: default memory manager registered, pager thread runs",
	      detail);
	if (kr != KERN_SUCCESS)
		return;
	/* objects and watches are made while the entrypoint is idle */
	ds_setup();
	bytes_setup();
	timer_setup();
	status_t s = ep_thread_start();
	check(s == STATUS_OK, "setup: entrypoint thread runs", "");
	if (s != STATUS_OK)
		return;
	ds_checks();
	bytes_checks();
	rm_checks();
	timer_checks();
}

_Noreturn void
mach_rt_main(int argc, char **argv)
{
	host_priv = argc > 1 ? number(argv[1]) : 0;
	test_device_master = argc > 2 ? number(argv[2]) : 0;
	console_line("test-mach_component: dataspaces, local region map, timer\n");
	check(mach_time_map(test_device_master) == STATUS_OK,
	      "setup: the kernel's time page mapped", "");
	status_t s = thread_main_enter(main_slot_run, 0);
	check(s == STATUS_OK, "setup: the checks ran as thread main", "");
	verdict_exit();
}
