/*
 * \brief  lwIP's diagnostics, assertions and random numbers (arch/cc.h)
 */

#include <stdarg.h>
#include <stdlib.h>

#include <base/log.h>
#include <lwip/sys.h>

void
lwip_platform_diag(const char *fmt, ...)
{
	char line[LOG_LINE_MAX];
	va_list ap;
	va_start(ap, fmt);
	format_vstring(line, sizeof(line), fmt, ap);
	va_end(ap);
	log_print("lwip: %s", line);
}

void
lwip_platform_assert(const char *msg, const char *file, int line)
{
	log_error("lwip: assertion \"%s\" failed at %s:%d", msg, file, line);
	abort();
}

/*
 * DHCP transaction IDs and the first local port: they need to differ
 * between runs and hosts, not to be unpredictable. xorshift32, seeded
 * from the clock at the first call.
 */
uint32_t
lwip_platform_rand(void)
{
	static uint32_t state;
	static struct lock lock = LOCK_INIT_UNLOCKED;
	lock_acquire(&lock);
	if (state == 0)
		state = (sys_now() * 2654435761u) | 1;
	state ^= state << 13;
	state ^= state >> 17;
	state ^= state << 5;
	uint32_t r = state;
	lock_release(&lock);
	return r;
}
