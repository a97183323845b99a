/*
 * \brief  bench-lwip: a private network namespace with a TAP device
 *
 * As run/lib/netns.tcl makes it for the scenarios: the namespace has
 * nothing but lo and the TAP device, so the transfer cannot leave it.
 * This process moves into it (setns), so core, which it starts, and the
 * sender's sockets live there too.
 */

#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bench_lwip.h"

static char name[64];

static bool
run(const char *fmt, const char *arg)
{
	char cmd[256];
	snprintf(cmd, sizeof(cmd), fmt, arg); /* fmt: one %s */
	return system(cmd) == 0;
}

void
netns_remove(void)
{
	if (name[0])
		(void)run("ip netns del %s 2>/dev/null", name);
	name[0] = 0;
}

bool
netns_enter(void)
{
	snprintf(name, sizeof(name), "genc-bench-lwip-%d", (int)getpid());
	if (!run("ip netns add %s", name)) {
		name[0] = 0;
		return false;
	}
	atexit(netns_remove);
	bool ok = run("ip -n %s link set lo up", name) &&
	          run("ip -n %s tuntap add dev " BENCH_TAP " mode tap", name) &&
	          run("ip -n %s addr add " BENCH_HOST_IP "/24 dev " BENCH_TAP, name) &&
	          run("ip -n %s link set " BENCH_TAP " up", name);
	char path[128];
	snprintf(path, sizeof(path), "/run/netns/%s", name);
	int fd = ok ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	ok = fd >= 0 && setns(fd, CLONE_NEWNET) == 0;
	if (fd >= 0)
		close(fd);
	return ok;
}
