/*
 * \brief  The smallest bootstrap task: proves the toolchain and the boot
 *
 * Prints one line on the kernel's console and ends QEMU with exit status
 * 33 (isa-debug-exit, value 0x10). 'make run/mach_hello' boots it alone.
 */

#include <mach_gen/device.h>
#include <mach_gen/mach_i386.h>
#include <mach_gen/mach_host.h>
#include <mach_rt.h>
#include <util/string.h>

static void
console_line(mach_port_t device_master, const char *text)
{
	mach_port_t console;
	io_buf_ptr_inband_t buf; /* the inband write takes a whole buffer */
	size_t len = str_len(text) < sizeof(buf) ? str_len(text) : sizeof(buf);
	int written;

	if (device_open(device_master, D_WRITE, "console", &console) != KERN_SUCCESS)
		return;
	mem_copy(buf, text, len);
	device_write_inband(console, 0, 0, buf, len, &written);
}

static void
qemu_exit(mach_port_t device_master, unsigned char value)
{
	mach_port_t io_perm;

	if (i386_io_perm_create(device_master, 0xf4, 0xf7, &io_perm) != KERN_SUCCESS)
		return;
	if (i386_io_perm_modify(mach_task_self(), io_perm, 1) != KERN_SUCCESS)
		return;
	__asm__ volatile("outb %0, %1" : : "a"(value), "Nd"((unsigned short)0xf4));
}

_Noreturn void
mach_rt_main(int argc, char **argv)
{
	/* boot script: mach_hello ${host-port} ${device-port} */
	mach_port_t device_master = 0;

	for (const char *p = argc > 2 ? argv[2] : ""; *p >= '0' && *p <= '9'; p++)
		device_master = device_master * 10 + (mach_port_t)(*p - '0');

	console_line(device_master, "mach_hello: the bootstrap task runs\n");
	qemu_exit(device_master, 0x10);
	for (;;)
		;
}
