/*
 * \brief  A task test-mach_core starts: shares a RAM memory object with core
 *
 * It maps the object core sent, writes its half of the pattern, lets core
 * check it and write the other half, checks that half, reports and ends
 * itself.
 */

#include <mach/task_special_ports.h>
#include <mach_gen/mach.h>

#include "../core/proto.h"

static uint32_t
share(mach_port_t boot, mach_port_t reply, const struct proto_msg *task)
{
	struct proto_msg m;
	vm_address_t addr = 0;
	uint32_t words = task->word[1] / 4, ok = 1;
	kern_return_t kr =
	        vm_map(mach_task_self(), &addr, task->word[1], 0, TRUE, task->port, 0, FALSE,
	               VM_PROT_READ | VM_PROT_WRITE, VM_PROT_READ | VM_PROT_WRITE, VM_INHERIT_NONE);
	volatile uint32_t *p = (volatile uint32_t *)addr;

	if (kr != KERN_SUCCESS)
		return 0x100 | (uint32_t)kr;
	for (uint32_t i = 0; i < words / 2; i++)
		p[i] = PROTO_CHILD_MAGIC ^ i;
	proto_send(boot, reply, PROTO_DONE, MACH_PORT_NULL, 0, (uint32_t[4]){addr, 0, 0, 0});
	if (proto_receive(reply, &m, 0) != MACH_MSG_SUCCESS)
		return 0x200;
	for (uint32_t i = words / 2; i < words; i++)
		ok &= p[i] == (PROTO_CORE_MAGIC ^ i);
	return ok;
}

_Noreturn void
mach_rt_main(int argc, char **argv)
{
	mach_port_t boot = MACH_PORT_NULL, reply = mach_reply_port();
	struct proto_msg m;
	uint32_t verdict = 0;

	(void)argv;
	/* core starts it with argc 0 and its parent capability as bootstrap port */
	if (argc == 0 && task_get_special_port(mach_task_self(), TASK_BOOTSTRAP_PORT, &boot) == 0 &&
	    proto_send(boot, reply, PROTO_HELLO, MACH_PORT_NULL, 0, (uint32_t[4]){0}) == 0 &&
	    proto_receive(reply, &m, 0) == 0 && m.word[0] == CMD_SHARE)
		verdict = share(boot, reply, &m);
	proto_send(boot, MACH_PORT_NULL, PROTO_DONE, MACH_PORT_NULL, 0,
	           (uint32_t[4]){0, verdict, 1, 0});
	task_terminate(mach_task_self());
	for (;;)
		;
}
