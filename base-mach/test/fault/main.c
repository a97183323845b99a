/*
 * \brief  test-mach_fault: the component's fault handler (base/fault_mach.h)
 *
 * A bootstrap task (boot script: test-mach_fault ${host-port}
 * ${device-port}) that starts the fault handler as a component's start-up
 * does and takes core's place itself: its task exception port is a port of
 * the test, so what the handler passes on arrives here. Checked: a fault
 * the resolver resolves is repeated (a read into an inaccessible page, a
 * write into a read-only one, each with the right access); a fault it
 * refuses and an abort reach the task's port unchanged; a stack overflow
 * is reported by thread name, after which the handler aborts the task
 * (the BOUND trap core reads as "aborted"). One line per check, then
 * "N passed, N failed"; QEMU exits with 0x10 only if all passed.
 */

#include <base/fault_mach.h>
#include <base/internal/thread_context.h>
#include <base/thread.h>
#include <mach/task_special_ports.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>

#include "test.h"

mach_port_t test_task_exc;

static mach_port_t
number(const char *s)
{
	mach_port_t n = 0;

	for (; s && *s >= '0' && *s <= '9'; s++)
		n = n * 10 + (mach_port_t)(*s - '0');
	return n;
}

static void
main_slot_run(void *arg)
{
	(void)arg;
	resolver_checks();
	passed_on_checks();
	overflow_checks(); /* last: the handler ends in it */
}

/* the task's exception port: a port of ours in core's place */
static bool
task_exc_take(void)
{
	mach_port_t self = mach_task_self();

	return syscall_mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &test_task_exc) ==
	               KERN_SUCCESS &&
	       syscall_mach_port_insert_right(self, test_task_exc, test_task_exc,
	                                      MACH_MSG_TYPE_MAKE_SEND) == KERN_SUCCESS &&
	       task_set_special_port(self, TASK_EXCEPTION_PORT, test_task_exc) == KERN_SUCCESS;
}

_Noreturn void
mach_rt_main(int argc, char **argv)
{
	test_device_master = argc > 2 ? number(argv[2]) : 0;
	console_line("test-mach_fault: the component's fault handler\n");
	check(task_exc_take(), "setup: the task's exception port is the test's", "");
	check(thread_context_area_init() == STATUS_OK, "setup: the thread-context area", "");
	check(mach_fault_handler_start() == STATUS_OK, "setup: the fault handler runs", "");
	status_t s = thread_main_enter(main_slot_run, 0);
	check(s == STATUS_OK, "setup: the checks ran as thread main", "");
	verdict_exit();
}
