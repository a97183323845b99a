/*
 * \brief  Bootstrap test of base-mach's threads, locks and clock
 *
 * Boot script: test-mach_thread ${host-port} ${device-port}. Maps the
 * kernel's time page, enters the thread-context area as the main thread
 * (thread_main_enter) and runs the checks there (thread-local storage
 * also before and after), in one boot:
 *
 *   qemu-system-i386 -accel tcg -m 256 -nographic -serial stdio -monitor none
 *     -display none -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04
 *     -kernel gnumach -append console=com0 -initrd 'build/mach/bin/test-mach_thread
 *     ${host-port} ${device-port} $(task-create) $(task-resume)'
 *
 * exits with status 33 if every check passed.
 */

#include <base/internal/futex.h>
#include <base/thread.h>
#include <base/time_mach.h>
#include <mach_rt.h>

#include "test_thread.h"

static mach_port_t
port_of(const char *word)
{
	mach_port_t name = 0;

	for (const char *p = word; *p >= '0' && *p <= '9'; p++)
		name = name * 10 + (mach_port_t)(*p - '0');
	return name;
}

static void
main_slot_run(void *arg)
{
	bool *ran = arg;

	*ran = true;
	area_checks();
	lock_checks();
	thread_checks();
	tls_checks_main_slot();
}

_Noreturn void
mach_rt_main(int argc, char **argv)
{
	mach_port_t device_master = port_of(argc > 2 ? argv[2] : "");
	bool ran = false;

	console_open(device_master);
	say("test-mach_thread: threads, locks and the clock of base-mach");
	/* before the page is mapped, the clock asks the kernel; both are its time of day */
	uint64_t asked = platform_time_us();
	status_t mapped = mach_time_map(device_master);
	uint64_t read = platform_time_us();
	check(mapped == STATUS_OK && read >= asked && read - asked < 1000000,
	      "clock: time page mapped, agrees with host_get_time", "%llu us, then %llu us",
	      (unsigned long long)asked, (unsigned long long)read);

	tls_checks_first();
	status_t s = thread_main_enter(main_slot_run, &ran);
	check(s == STATUS_OK && ran, "main: thread_main_enter ran the entry and returned",
	      "status %d", (int)s);
	tls_checks_after();
	verdict("test-mach_thread");
}
