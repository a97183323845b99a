/*
 * \brief  The end of core is the end of the machine
 *
 * QEMU's isa-debug-exit device (port 0xf4) ends QEMU with status 2v+1
 * for a byte v written to it; tool/mach_qemu maps that back to v. core
 * asks the kernel for the port's I/O permission (through the device
 * master port) only at the end. Where there is no such device the write
 * does nothing, and core halts its threads instead.
 */

#include <mach_gen/mach.h>
#include <mach_gen/mach_i386.h>
#include <mach_rt.h>

#include "core_mach.h"

enum { DEBUG_EXIT_PORT = 0xf4 };

_Noreturn void
core_machine_exit(int value)
{
	mach_port_t io_perm;

	if (i386_io_perm_create(core_device_master, DEBUG_EXIT_PORT, DEBUG_EXIT_PORT + 3,
	                        &io_perm) == KERN_SUCCESS &&
	    i386_io_perm_modify(mach_task_self(), io_perm, TRUE) == KERN_SUCCESS)
		__asm__ volatile("outb %0, %1"
		                 :
		                 : "a"((unsigned char)value),
		                   "Nd"((unsigned short)DEBUG_EXIT_PORT));
	for (;;)
		(void)task_suspend(mach_task_self());
}
