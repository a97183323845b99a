/*
 * \brief  What core's Mach files share: the bootstrap task's kernel ports
 *
 * The kernel hands the bootstrap task the privileged host port and the
 * device master port as the first two words of its boot script
 * (tool/mach_qemu); core keeps them for its whole life.
 */

#ifndef _BASE_MACH__CORE__CORE_MACH_H_
#define _BASE_MACH__CORE__CORE_MACH_H_

#include <mach/port.h>

extern mach_port_t core_host_priv;     /* host_priv: VM policy, priorities */
extern mach_port_t core_device_master; /* device_open: console, time, I/O */

/* end the machine with core's exit value (QEMU's isa-debug-exit) */
_Noreturn void core_machine_exit(int value);

#endif /* _BASE_MACH__CORE__CORE_MACH_H_ */
