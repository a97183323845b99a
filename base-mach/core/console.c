/*
 * \brief  core's console on GNU Mach: the kernel's "console" device
 *
 * Opened once, on first use; each write is an inband device write of at
 * most one inband buffer. Without a console core keeps running silently.
 */

#include <mach_gen/device.h>
#include <util/string.h>

#include "core_mach.h"
#include "platform.h"

static mach_port_t console_port;

static bool
console_open(void)
{
	if (console_port != MACH_PORT_NULL)
		return true;
	return device_open(core_device_master, D_WRITE, "console", &console_port) == KERN_SUCCESS;
}

void
platform_console_write(const char *text, size_t len)
{
	io_buf_ptr_inband_t buf; /* the stub copies a whole buffer's worth */

	if (!console_open())
		return;
	while (len > 0) {
		size_t part = len < sizeof(buf) ? len : sizeof(buf);
		int written = 0;

		mem_copy(buf, text, part);
		if (device_write_inband(console_port, 0, 0, buf, part, &written) != KERN_SUCCESS ||
		    written <= 0)
			return;
		text += written;
		len -= (size_t)written;
	}
}
