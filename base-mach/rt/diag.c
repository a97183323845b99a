/*
 * \brief  Diagnostics of the runtime and platform code before any LOG session
 *
 * Platform code has warnings to give (a thread-context area that had to
 * move) where no LOG session exists, or in a task that has none. A
 * bootstrap task names its console device once; elsewhere the lines are
 * dropped until a component's start-up names a channel of its own.
 */

#include <mach/mig_support.h>
#include <mach_gen/device.h>
#include <mach_rt.h>

static mach_port_t diag_console; /* BORROWED for good; null: nowhere */

void
mach_rt_diag_console(mach_port_t console)
{
	__atomic_store_n(&diag_console, console, __ATOMIC_RELEASE);
}

void
mach_rt_diag(const char *text)
{
	mach_port_t console = __atomic_load_n(&diag_console, __ATOMIC_ACQUIRE);
	io_buf_ptr_inband_t buf; /* the inband write takes a whole buffer */
	size_t len = 0;
	int written;

	if (console == MACH_PORT_NULL)
		return;
	while (text[len] && len < sizeof(buf))
		len++;
	memcpy(buf, text, len);
	(void)device_write_inband(console, 0, 0, buf, len, &written);
}
