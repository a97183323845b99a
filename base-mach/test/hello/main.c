/*
 * \brief  The smallest bootstrap task: proves the toolchain and the boot
 *
 * Prints one line on the kernel's console and ends QEMU with exit status
 * 33 (isa-debug-exit, value 0x10): the verdict of one passed check.
 */

#include <mach_rt.h>
#include <util/number.h>
#include <util/string.h>

#include "../verdict/verdict.h"

_Noreturn void
mach_rt_main(int argc, char **argv)
{
	/* boot script: mach_hello ${host-port} ${device-port} */
	const char *word = argc > 2 ? argv[2] : "";
	uint64_t device_master = 0;
	bool ok = number_parse_u64(word, str_len(word), &device_master) == STATUS_OK;

	console_open((mach_port_t)device_master);
	check(ok, "mach_hello: the bootstrap task runs and has its device port", "%s", word);
	verdict("mach_hello");
}
