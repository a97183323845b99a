/*
 * \brief  Component entry on GNU Mach
 *
 * core made the parent capability this task's bootstrap port
 * (doc/platform-mach.md, "Processes"); the generic environment
 * (base/component/startup.c) does the rest. A task ends itself with
 * task_terminate: its exit value has reached the parent already (parent
 * exit), and Mach keeps none.
 *
 * Before the environment starts, the start-up takes what core prepared:
 * the kernel's time page, which core maps read-only at MACH_TIME_PAGE_ADDR
 * into every task it creates (without it the clock asks host_get_time),
 * and the thread-context area, reserved at its fixed place before any
 * allocation of the environment could be placed there. Then the fault
 * handler (base/fault_mach.h) starts, before any other thread, so that
 * every thread's guard fault is reported as a stack overflow; platform
 * diagnostics go to core as stray output, which core logs under the
 * component's label.
 */

#include <base/fault_mach.h>
#include <base/internal/env_platform.h>
#include <base/internal/thread_context.h>
#include <base/time_mach.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>
#include <util/string.h>

_Noreturn void
env_platform_exit(int value)
{
	(void)value;
	for (;;)
		(void)task_terminate(mach_task_self());
}

/* invalid when the task was started without one (by hand, a test) */
static parent_cap_t
parent_find(void)
{
	mach_port_t port = MACH_PORT_NULL;

	if (task_get_special_port(mach_task_self(), TASK_BOOTSTRAP_PORT, &port) != KERN_SUCCESS ||
	    port == MACH_PORT_NULL)
		return CAP_TYPED_INVALID(parent_cap_t);
	return CAP_TYPED(parent_cap_t, ((cap_t){(long)port}));
}

/* the page must be there and readable: a task started by hand has none */
static void
clock_attach(void)
{
	vm_address_t addr = MACH_TIME_PAGE_ADDR;
	vm_size_t size = 0;
	vm_prot_t prot = VM_PROT_NONE, max = VM_PROT_NONE;
	vm_inherit_t inherit;
	boolean_t shared;
	mach_port_t name = MACH_PORT_NULL;
	vm_offset_t offset;

	if (vm_region(mach_task_self(), &addr, &size, &prot, &max, &inherit, &shared, &name,
	              &offset) != KERN_SUCCESS)
		return;
	if (name != MACH_PORT_NULL)
		(void)syscall_mach_port_deallocate(mach_task_self(), name);
	if (addr == MACH_TIME_PAGE_ADDR && size >= sizeof(mapped_time_value_t) &&
	    (prot & VM_PROT_READ))
		mach_time_attach((const volatile mapped_time_value_t *)addr);
}

_Noreturn void
mach_rt_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	parent_cap_t parent = parent_find();

	if (!cap_valid(parent.raw)) {
		static const char line[] = "Error: started without a parent capability\n";
		env_platform_log_fallback(line, sizeof(line) - 1);
		env_platform_exit(1);
	}
	clock_attach();
	mach_rt_diag_route(env_platform_log_fallback);
	/* a failure shows at the first thread_create, which reports it */
	(void)thread_context_area_init();
	/* without it, faults still reach core: reported as page faults */
	(void)mach_fault_handler_start();
	env_serve(env_start(parent));
	env_platform_exit(0);
}
