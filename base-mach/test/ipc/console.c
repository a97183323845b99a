/*
 * \brief  Lines on the kernel console, the verdict as QEMU's exit status
 */

#include <stdarg.h>

#include <mach_gen/device.h>
#include <mach_gen/mach_i386.h>
#include <mach_rt.h>
#include <util/format.h>
#include <util/string.h>

#include "test.h"

static mach_port_t device, console;
static unsigned passed, failed;

void
console_init(mach_port_t device_master)
{
	device = device_master;
	if (device_open(device, D_WRITE, "console", &console) != KERN_SUCCESS)
		console = MACH_PORT_NULL;
}

void
say(const char *fmt, ...)
{
	io_buf_ptr_inband_t buf;
	va_list ap;
	int written;

	va_start(ap, fmt);
	size_t len = format_vstring(buf, sizeof(buf) - 1, fmt, ap);
	va_end(ap);
	len = len < sizeof(buf) - 2 ? len : sizeof(buf) - 2;
	buf[len++] = '\n';
	if (console != MACH_PORT_NULL)
		device_write_inband(console, 0, 0, buf, len, &written);
}

void
check(const char *what, bool ok)
{
	if (ok)
		passed++;
	else
		failed++;
	say("test-mach_ipc: %s %s", ok ? "ok  " : "FAIL", what);
}

unsigned
checks_failed(void)
{
	return failed;
}

_Noreturn void
finish(void)
{
	mach_port_t io_perm;
	unsigned char value = failed ? 0x11 : 0x10;

	say("test-mach_ipc: %u passed, %u failed", passed, failed);
	if (i386_io_perm_create(device, 0xf4, 0xf7, &io_perm) == KERN_SUCCESS &&
	    i386_io_perm_modify(mach_task_self(), io_perm, 1) == KERN_SUCCESS)
		__asm__ volatile("outb %0, %1" : : "a"(value), "Nd"((unsigned short)0xf4));
	for (;;)
		(void)thread_switch(MACH_PORT_NULL, 0, 1000);
}
