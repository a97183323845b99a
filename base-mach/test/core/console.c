/*
 * \brief  The test's console lines, verdict counting and QEMU exit
 */

#include <mach_gen/device.h>
#include <mach_gen/mach_i386.h>
#include <mach_rt.h>
#include <util/format.h>
#include <util/string.h>

#include "test.h"

mach_port_t test_device_master;
static unsigned passed, failed;

void
console_line(const char *text)
{
	static mach_port_t console;
	io_buf_ptr_inband_t buf;
	size_t len = str_len(text) < sizeof(buf) ? str_len(text) : sizeof(buf);
	int written;

	if (!console && device_open(test_device_master, D_WRITE, "console", &console) != 0)
		return;
	mem_copy(buf, text, len);
	device_write_inband(console, 0, 0, buf, len, &written);
}

void
check(bool ok, const char *what, const char *detail)
{
	char line[160];

	format_string(line, sizeof(line), "%s: %s%s%s\n", ok ? "ok" : "FAILED", what,
	              detail[0] ? " -- " : "", detail);
	console_line(line);
	ok ? passed++ : failed++;
}

_Noreturn void
verdict_exit(void)
{
	char line[64];
	mach_port_t io_perm;
	unsigned char value = failed || !passed ? 0x11 : 0x10;

	format_string(line, sizeof(line), "%u passed, %u failed\n", passed, failed);
	console_line(line);
	if (i386_io_perm_create(test_device_master, 0xf4, 0xf7, &io_perm) == 0 &&
	    i386_io_perm_modify(mach_task_self(), io_perm, 1) == 0)
		__asm__ volatile("outb %0, %1" : : "a"(value), "Nd"((unsigned short)0xf4));
	for (;;)
		;
}
