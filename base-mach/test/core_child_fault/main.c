/*
 * \brief  A task test-mach_core starts to fault in the way core tells it
 *
 * Each fault must reach core's exception server as the right exit reason;
 * before a ROM write it reports where it mapped the ROM and what it read.
 */

#include <mach/task_special_ports.h>
#include <mach_gen/mach.h>

#include "../core/proto.h"
#include "../forge/forge.h"

/* map the ROM, report address and first byte to core, then write it */
static void
rom_write(mach_port_t boot, const struct proto_msg *task, vm_prot_t prot)
{
	vm_address_t addr = 0;
	kern_return_t kr = vm_map(mach_task_self(), &addr, task->word[1], 0, TRUE, task->port, 0,
	                          FALSE, prot, prot, VM_INHERIT_NONE);
	volatile uint8_t *p = (volatile uint8_t *)addr;
	uint32_t first = kr == KERN_SUCCESS ? p[0] : 0;

	proto_send(boot, MACH_PORT_NULL, PROTO_DONE, MACH_PORT_NULL, 0,
	           (uint32_t[4]){addr, first, 0, (uint32_t)kr});
	if (kr == KERN_SUCCESS)
		p[0] = (uint8_t)(first + 1);
}

_Noreturn void
mach_rt_main(int argc, char **argv)
{
	mach_port_t boot = MACH_PORT_NULL, reply = mach_reply_port();
	struct proto_msg m = {0};

	(void)argc, (void)argv;
	if (task_get_special_port(mach_task_self(), TASK_BOOTSTRAP_PORT, &boot) == 0 &&
	    proto_send(boot, reply, PROTO_HELLO, MACH_PORT_NULL, 0, (uint32_t[4]){0}) == 0 &&
	    proto_receive(reply, &m, 0) == 0) {
		if (m.word[0] == CMD_FAULT_ADDR)
			*(volatile uint32_t *)0xdead0000u = 1;
		if (m.word[0] == CMD_ROM_WRITE)
			rom_write(boot, &m, VM_PROT_READ);
		if (m.word[0] == CMD_ROM_WRITE_RAW)
			rom_write(boot, &m, VM_PROT_READ | VM_PROT_WRITE);
		if (m.word[0] == CMD_EXC_FORGE)
			(void)mach_test_exception_forge();
		if (m.word[0] == CMD_ABORT)
			mach_rt_abort();
	}
	/* no fault: tell core so (a DONE with word 2 set ends its wait) */
	proto_send(boot, MACH_PORT_NULL, PROTO_DONE, MACH_PORT_NULL, 0, (uint32_t[4]){0, 0, 1, 0});
	task_terminate(mach_task_self());
	for (;;)
		;
}
