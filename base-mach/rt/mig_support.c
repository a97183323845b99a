/*
 * \brief  Reply ports for MIG's stubs
 *
 * Each thread keeps one receive right for the replies of its kernel RPCs
 * and reuses it: a fresh port per call would cost two more traps.
 */

#include <mach/mig_support.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>

static mach_port_t task_reply_port;

/* one task-wide word: replaced by a per-thread slot where threads exist */
__attribute__((weak)) mach_port_t *
mach_rt_reply_slot(void)
{
	return &task_reply_port;
}

mach_port_t
mig_get_reply_port(void)
{
	mach_port_t *slot = mach_rt_reply_slot();

	if (*slot == MACH_PORT_NULL)
		*slot = mach_reply_port();
	return *slot;
}

void
mig_dealloc_reply_port(mach_port_t port)
{
	mach_port_t *slot = mach_rt_reply_slot();

	if (*slot == port)
		*slot = MACH_PORT_NULL;
	/*
	 * A receive right: mach_port_deallocate takes only send, send-once
	 * and dead-name references (it answers KERN_INVALID_RIGHT and the
	 * port stays), so the receive right's reference is taken away. That
	 * is a kernel RPC, on a fresh reply port, since the slot is empty.
	 */
	(void)mach_port_mod_refs(mach_task_self(), port, MACH_PORT_RIGHT_RECEIVE, -1);
}

void
mig_put_reply_port(mach_port_t port)
{
	(void)port; /* it stays in the slot */
}

/* copy at most len bytes, terminated; the count sent includes the NUL */
vm_size_t
mig_strncpy(char *dst, const char *src, vm_size_t len)
{
	vm_size_t i = 0;

	if (len == 0)
		return 0;
	for (; i < len - 1 && src[i]; i++)
		dst[i] = src[i];
	dst[i] = 0;
	return i + 1;
}

/* memory for data the stubs received out of line and copy out */
void
mig_allocate(vm_address_t *addr, vm_size_t size)
{
	if (syscall_vm_allocate(mach_task_self(), addr, size, TRUE) != KERN_SUCCESS)
		*addr = 0;
}

void
mig_deallocate(vm_address_t addr, vm_size_t size)
{
	(void)syscall_vm_deallocate(mach_task_self(), addr, size);
}
