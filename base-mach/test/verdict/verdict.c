/*
 * \brief  Console lines and the verdict of a bootstrap test task
 *
 * One line per check ("ok" or "FAIL", the check, details), then "<name>:
 * N passed, M failed"; QEMU ends with status 33 (isa-debug-exit, value
 * 0x10) only if every check passed, with 3 (value 0x01) otherwise. Shared
 * by the bootstrap tests of base-mach/test (library mach_test_verdict).
 */

#include <stdarg.h>

#include <mach_gen/device.h>
#include <mach_gen/mach_i386.h>
#include <mach_rt.h>
#include <util/string.h>

#include "verdict.h"

static mach_port_t device_master, console;
static unsigned passed, failed;

void
console_open(mach_port_t master)
{
	device_master = master;
	if (device_open(master, D_WRITE, "console", &console) != KERN_SUCCESS)
		console = MACH_PORT_NULL;
	mach_rt_diag_console(console); /* the platform's warnings too */
}

static void
console_write(const char *text, size_t len)
{
	io_buf_ptr_inband_t buf; /* the inband write takes a whole buffer */
	int written;

	if (len > sizeof(buf))
		len = sizeof(buf);
	mem_copy(buf, text, len);
	device_write_inband(console, 0, 0, buf, len, &written);
}

void
say(const char *fmt, ...)
{
	char line[200];
	va_list ap;

	va_start(ap, fmt);
	size_t n = format_vstring(line, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	if (n > sizeof(line) - 2)
		n = sizeof(line) - 2; /* truncated */
	line[n] = '\n';
	console_write(line, n + 1);
}

void
check(bool ok, const char *what, const char *fmt, ...)
{
	char detail[150];
	va_list ap;

	va_start(ap, fmt);
	format_vstring(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	if (ok)
		passed++;
	else
		failed++;
	say("%s %s (%s)", ok ? "ok  " : "FAIL", what, detail);
}

static void
qemu_exit(unsigned char value)
{
	mach_port_t io_perm;

	if (i386_io_perm_create(device_master, 0xf4, 0xf7, &io_perm) != KERN_SUCCESS)
		return;
	if (i386_io_perm_modify(mach_task_self(), io_perm, 1) != KERN_SUCCESS)
		return;
	__asm__ volatile("outb %0, %1" : : "a"(value), "Nd"((unsigned short)0xf4));
}

_Noreturn void
verdict(const char *name)
{
	say("%s: %u passed, %u failed", name, passed, failed);
	qemu_exit(failed == 0 && passed > 0 ? 0x10 : 0x01);
	for (;;)
		(void)swtch_pri(0);
}
