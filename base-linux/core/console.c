/*
 * \brief  core's console on Linux: its stdout
 */

#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>

#include "platform.h"

void
platform_console_write(const char *text, size_t len)
{
	while (len > 0) {
		ssize_t n = write(STDOUT_FILENO, text, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return; /* nobody listens any more; core keeps running */
		text += n;
		len -= (size_t)n;
	}
}
