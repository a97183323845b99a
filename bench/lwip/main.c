/*
 * \brief  TCP into lwIP through nic_drv, beside lwIP on the TAP device itself
 *
 * 100 MB sent by a Linux TCP socket in a private network namespace to a
 * sink on lwIP: (a) the component bench-lwip-sink, whose lwIP reaches the
 * TAP device through a NIC session at nic_drv (core booted here), and (b)
 * the same lwIP and sink in this process, reading and writing the TAP
 * device itself. Issue #16's target: (a) at least half of (b).
 *
 * Needs root and ip (iproute2), as run/nic_loop does; skipped otherwise.
 *
 *   bench-lwip [megabytes]
 */

#define _GNU_SOURCE
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bench_lwip.h"

void log_output_line(const char *line, size_t len);

void
log_output_line(const char *line, size_t len)
{
	fprintf(stderr, "  | %.*s\n", (int)len, line);
}

static void
on_signal(int sig)
{
	(void)sig;
	exit(1); /* atexit removes the namespace */
}

int
main(int argc, char **argv)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return 1;
	self[n] = 0;
	if (geteuid() != 0 || system("ip -V >/dev/null 2>&1") != 0) {
		printf("bench-lwip: skipped (needs root and ip)\n");
		return 0;
	}
	uint64_t mb = argc > 1 ? strtoull(argv[1], NULL, 10) : 100;
	uint64_t bytes = mb * 1000 * 1000;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	if (!netns_enter()) {
		fprintf(stderr, "bench-lwip: cannot make the network namespace\n");
		return 1;
	}
	double genode = genode_mb_s(self, bytes);
	double direct = direct_mb_s(bytes);
	if (genode < 0 || direct < 0) {
		fprintf(stderr, "bench-lwip: a transfer failed (nic_drv %.1f, direct %.1f)\n",
		        genode, direct);
		return 1;
	}
	printf("tcp_%lluMB_into_lwip: via nic_drv %.1f MB/s  on the TAP device %.1f MB/s  ratio "
	       "%.2f "
	       "(target >= 0.5)\n",
	       (unsigned long long)mb, genode, direct, genode / direct);
	return 0;
}
