/*
 * \brief  Chunks of core's heap on GNU Mach: memory of core's own task
 *
 * vm_allocate'd anonymous memory of the bootstrap task (zero-filled,
 * page-granular), which no other task can reach: core never hands out a
 * memory object for it.
 */

#include <mach_rt.h>

#include "platform.h"

status_t
platform_chunk_alloc(size_t size, void **addr)
{
	vm_address_t at = 0;

	if (syscall_vm_allocate(mach_task_self(), &at, size, TRUE) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	*addr = (void *)at;
	return STATUS_OK;
}

void
platform_chunk_free(void *addr, size_t size)
{
	(void)syscall_vm_deallocate(mach_task_self(), (vm_address_t)addr, size);
}
