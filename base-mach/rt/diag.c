/*
 * \brief  Diagnostics of the runtime and platform code before any LOG session
 *
 * Platform code has warnings to give (a thread-context area that had to
 * move) where no LOG session exists, or in a task that has none. A
 * bootstrap task names its console device once; a component's start-up
 * names its stray-output channel to core (mach_rt_diag_route), which logs
 * the lines under the component's label; elsewhere they are dropped.
 */

#include <mach/mig_support.h>
#include <mach_gen/device.h>
#include <mach_rt.h>

static mach_port_t diag_console;      /* BORROWED for good; null: nowhere */
static mach_rt_diag_sink_t diag_sink; /* takes the lines before the console */

void
mach_rt_diag_route(mach_rt_diag_sink_t sink)
{
	__atomic_store_n(&diag_sink, sink, __ATOMIC_RELEASE);
}

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
	mach_rt_diag_sink_t sink = __atomic_load_n(&diag_sink, __ATOMIC_ACQUIRE);
	int written;

	while (len < sizeof(buf) && text[len])
		len++;
	if (sink) {
		sink(text, len);
		return;
	}
	if (console == MACH_PORT_NULL)
		return;
	memcpy(buf, text, len);
	(void)device_write_inband(console, 0, 0, buf, len, &written);
}
