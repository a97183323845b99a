/*
 * \brief  Bootstrap test of signals on GNU Mach: core's part and the library
 *
 * Boot script: test-mach_signal ${host-port} ${device-port}. Maps the
 * kernel's time page, enters the thread-context area as the main thread,
 * starts core's side (core_side.c) and runs the checks, in one boot:
 *
 *   qemu-system-i386 -accel tcg -m 256 -nographic -serial stdio -monitor none
 *     -display none -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04
 *     -kernel gnumach -append console=com0 -initrd 'build/mach/bin/test-mach_signal
 *     ${host-port} ${device-port} $(task-create) $(task-resume)'
 *
 * exits with status 33 if every check passed.
 */

#include <base/thread.h>
#include <base/time_mach.h>
#include <mach_rt.h>

#include "../../signal/signal_mach_lib.h"
#include "test_signal.h"

static mach_port_t
port_of(const char *word)
{
	mach_port_t name = 0;

	for (const char *p = word; *p >= '0' && *p <= '9'; p++)
		name = name * 10 + (mach_port_t)(*p - '0');
	return name;
}

mach_port_t
context_wake_port(const struct signal_context *ctx)
{
	return ctx->wake;
}

struct signal
wait_for(struct signal_receiver *r, unsigned timeout_ms)
{
	struct signal s = {0};

	if (signal_receiver_wait_timeout(r, (uint64_t)timeout_ms * 1000u, &s) != STATUS_OK)
		s = (struct signal){0};
	return s;
}

static void
run(void *arg)
{
	(void)arg;
	if (!core_side_start()) {
		check(false, "core's side: entrypoint, control port, thread", "not started");
		return;
	}
	checks_deliver();
	checks_hostile();
}

_Noreturn void
mach_rt_main(int argc, char **argv)
{
	mach_port_t device_master = port_of(argc > 2 ? argv[2] : "");

	console_open(device_master);
	say("test-mach_signal: signals of base-mach, core's count and the library");
	(void)mach_time_map(device_master);
	check(thread_main_enter(run, 0) == STATUS_OK, "main: the checks ran", "-");
	verdict("test-mach_signal");
}
