/*
 * \brief  Component entry on GNU Mach
 *
 * core made the parent capability this task's bootstrap port
 * (doc/platform-mach.md, "Processes"); the generic environment
 * (base/component/startup.c) does the rest. A task ends itself with
 * task_terminate: its exit value has reached the parent already (parent
 * exit), and Mach keeps none.
 */

#include <base/internal/env_platform.h>
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
	env_serve(env_start(parent));
	env_platform_exit(0);
}
