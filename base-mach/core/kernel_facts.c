/*
 * \brief  What core on GNU Mach tells its generic part about the kernel
 *
 * A component's thread is created by the
 * component itself in its own task, but core sets the task's priority,
 * which every thread inherits (doc/platform-mach.md, "Processes"), so
 * there is nothing to bind; nothing outside the machine can ask for
 * core's accounting (Linux: SIGUSR1); and core's "descriptors" are the
 * port names of its task.
 */

#include <mach/mig_support.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>

#include "core_mach.h"
#include "platform.h"

status_t
platform_cpu_thread_bind(const struct rpc_call *call, uint64_t kernel_id, uint32_t prio,
                         uint32_t limit, char *how, size_t size)
{
	(void)call;
	(void)kernel_id;
	(void)prio;
	(void)limit;
	(void)how;
	(void)size;
	return STATUS_UNAVAILABLE;
}

/* the accounting report still comes at exit with --verbose */
status_t
platform_report_request_watch(struct entrypoint *ep, void (*report)(void))
{
	(void)report;
	core_mach_ep_set(ep);
	return STATUS_OK;
}

unsigned
platform_descriptors_open(void)
{
	mach_port_array_t names;
	mach_port_type_array_t types;
	mach_msg_type_number_t count = 0, type_count = 0;

	if (mach_port_names(mach_task_self(), &names, &count, &types, &type_count) != KERN_SUCCESS)
		return 0;
	mig_deallocate((vm_address_t)names, count * sizeof(*names));
	mig_deallocate((vm_address_t)types, type_count * sizeof(*types));
	return count;
}
