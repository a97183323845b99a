/*
 * \brief  What a task holds of the kernel's memory: its port names and
 *         its threads, as counted for its memory bound (pd_memory.c)
 *
 * A task makes ports and threads without asking core (mach_reply_port
 * needs not even its task port), and they are kernel memory, which the
 * task's resident size does not show: a component allocating ports
 * stalled the machine at 400,000 of them with 64 MiB (at 2.2 million with
 * 256 MiB it still went on). The kernel has no call that only counts, so
 * core asks for the names and the threads (mach_port_names, task_threads),
 * which cost in proportion to what the task holds, and therefore less
 * often than the resident size.
 */

#include <mach_gen/mach.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>

#include "pd_mach.h"

/* the number of names in the task's port space; false if the kernel does not say */
bool
mach_pd_port_names(const struct mach_pd *p, uint64_t *count)
{
	mach_port_array_t names = 0;
	mach_port_type_array_t types = 0;
	mach_msg_type_number_t n = 0, nt = 0;

	if (mach_port_names(p->task, &names, &n, &types, &nt) != KERN_SUCCESS)
		return false;
	(void)syscall_vm_deallocate(mach_task_self(), (vm_address_t)names, n * sizeof(*names));
	(void)syscall_vm_deallocate(mach_task_self(), (vm_address_t)types, nt * sizeof(*types));
	*count = n;
	return true;
}

/* the number of the task's threads; false if the kernel does not say */
bool
mach_pd_threads(const struct mach_pd *p, uint64_t *count)
{
	thread_array_t threads = 0;
	mach_msg_type_number_t n = 0;

	if (task_threads(p->task, &threads, &n) != KERN_SUCCESS)
		return false;
	for (mach_msg_type_number_t i = 0; i < n; i++)
		(void)syscall_mach_port_deallocate(mach_task_self(), threads[i]);
	(void)syscall_vm_deallocate(mach_task_self(), (vm_address_t)threads, n * sizeof(*threads));
	*count = n;
	return true;
}
