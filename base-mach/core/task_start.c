/*
 * \brief  A new task's ports, stack and main thread
 */

#include <mach/i386/thread_status.h>
#include <mach/task_special_ports.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>

#include "task.h"

/*
 * A stack anywhere in the task whose top holds argc 0, argv NULL and
 * envp NULL: fresh memory is zero, so only the place matters.
 */
static status_t
stack_make(mach_port_t task, vm_address_t *esp)
{
	vm_address_t base = 0;

	if (vm_allocate(task, &base, TASK_STACK_SIZE, TRUE) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	*esp = base + TASK_STACK_SIZE - 16;
	return STATUS_OK;
}

/* the kernel's exception messages for the task go to exc (core keeps receiving) */
static kern_return_t
exception_port_set(mach_port_t task, mach_port_t exc)
{
	mach_port_t self = mach_task_self();
	kern_return_t kr = syscall_mach_port_insert_right(self, exc, exc, MACH_MSG_TYPE_MAKE_SEND);

	if (kr != KERN_SUCCESS)
		return kr;
	kr = task_set_special_port(task, TASK_EXCEPTION_PORT, exc); /* copies the send right */
	(void)syscall_mach_port_deallocate(self, exc);
	return kr;
}

/* the thread at entry with the kernel's user segments (from its fresh state) */
static kern_return_t
thread_start(mach_port_t thread, vm_address_t entry, vm_address_t esp)
{
	struct i386_thread_state state;
	mach_msg_type_number_t count = i386_THREAD_STATE_COUNT;
	kern_return_t kr =
	        thread_get_state(thread, i386_THREAD_STATE, (thread_state_t)&state, &count);

	if (kr != KERN_SUCCESS)
		return kr;
	state.eip = entry;
	state.uesp = esp;
	kr = thread_set_state(thread, i386_THREAD_STATE, (thread_state_t)&state,
	                      i386_THREAD_STATE_COUNT);
	return kr == KERN_SUCCESS ? thread_resume(thread) : kr;
}

status_t
task_main_start(mach_port_t task, vm_address_t entry, mach_port_t bootstrap, mach_port_t exc,
                mach_port_t *thread)
{
	vm_address_t esp = 0;

	if (task_set_special_port(task, TASK_BOOTSTRAP_PORT, bootstrap) != KERN_SUCCESS ||
	    exception_port_set(task, exc) != KERN_SUCCESS || stack_make(task, &esp) != STATUS_OK)
		return STATUS_OUT_OF_MEMORY;
	if (mach_thread_create(task, thread) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	if (thread_start(*thread, entry, esp) != KERN_SUCCESS) {
		(void)thread_terminate(*thread);
		(void)syscall_mach_port_deallocate(mach_task_self(), *thread);
		return STATUS_OUT_OF_MEMORY;
	}
	return STATUS_OK;
}

status_t
task_spawn(const uint8_t *image, size_t size, mach_port_t bootstrap, mach_port_t exc,
           mach_port_t *task, const char **why)
{
	vm_address_t entry = 0;
	mach_port_t thread = MACH_PORT_NULL;
	status_t st;

	/* no memory inherited from core: the task sees only what is loaded */
	if (task_create(mach_task_self(), FALSE, task) != KERN_SUCCESS) {
		*why = "the kernel refused a task";
		return STATUS_OUT_OF_MEMORY;
	}
	st = task_elf_load(*task, image, size, &entry, why);
	if (st == STATUS_OK && (st = task_main_start(*task, entry, bootstrap, exc, &thread)))
		*why = "cannot start the main thread";
	if (st != STATUS_OK) {
		(void)task_terminate(*task);
		(void)syscall_mach_port_deallocate(mach_task_self(), *task);
		return st;
	}
	(void)syscall_mach_port_deallocate(mach_task_self(), thread); /* the task keeps it */
	return STATUS_OK;
}
