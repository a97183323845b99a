/*
 * \brief  test-mach_ipc: GNU Mach's IPC library, checked in one QEMU boot
 *
 * Boot script: test-mach_ipc ${host-port} ${device-port}. Prints one line
 * per check and "N passed, N failed"; QEMU exits with 0x10 only if all
 * passed.
 */

#include <mach_rt.h>
#include <test_rpc/client.h>

#include "test.h"

static mach_port_t
number(const char *p)
{
	mach_port_t n = 0;

	for (; *p >= '0' && *p <= '9'; p++)
		n = n * 10 + (mach_port_t)(*p - '0');
	return n;
}

_Noreturn void
mach_rt_main(int argc, char **argv)
{
	console_init(argc > 2 ? number(argv[2]) : MACH_PORT_NULL);
	say("test-mach_ipc: start");
	server_start();
	checks_call();
	checks_ep();
	raw_checks(srv_cap[0]);
	check("stop the server's entrypoint", test_rpc_stop(srv_cap[0]) == STATUS_OK);
	finish();
}
