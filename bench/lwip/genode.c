/*
 * \brief  bench-lwip: the sink as a component behind nic_drv
 *
 * Boots core (in this process's namespace) with the TAP device granted to
 * nic_drv, and bench-lwip-sink with lwIP over a NIC session at it. The
 * transfer starts once the sink listens; the sink's count must be the
 * whole transfer.
 */

#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../common/boot_dir.h"
#include "../common/measure.h"
#include "bench_lwip.h"
#include "sink.h"

extern char **environ;

static const char config[] =
        "<config>\n"
        " <parent-provides> <service name=\"LOG\"/> <service name=\"ROM\"/> <service "
        "name=\"RAM\"/>\n"
        "  <service name=\"CPU\"/> <service name=\"PD\"/> <service name=\"RM\"/>\n"
        "  <service name=\"SIGNAL\"/> <service name=\"Tap\"/> </parent-provides>\n"
        " <default-route> <any-service> <parent/> </any-service> </default-route>\n"
        " <start name=\"timer\"> <resource name=\"RAM\" quantum=\"1M\"/>\n"
        "  <provides> <service name=\"Timer\"/> </provides> </start>\n"
        " <start name=\"nic_drv\"> <resource name=\"RAM\" quantum=\"4M\"/>\n"
        "  <provides> <service name=\"Nic\"/> </provides> <config device=\"" BENCH_TAP
        "\"/> </start>\n"
        " <start name=\"bench-lwip-sink\"> <resource name=\"RAM\" quantum=\"16M\"/>\n"
        "  <config> <lwip ip=\"" BENCH_LWIP_IP "\" netmask=\"255.255.255.0\"\n"
        "   tx_buf_size=\"1M\" rx_buf_size=\"1M\"/> </config>\n"
        "  <route> <service name=\"Nic\"> <child name=\"nic_drv\"/> </service>\n"
        "   <service name=\"Timer\"> <child name=\"timer\"/> </service>\n"
        "   <any-service> <parent/> </any-service> </route> </start>\n"
        "</config>\n";

/* the console line that contains what, within timeout_ms; false if none */
static bool
console_wait(int fd, const char *what, int timeout_ms, char *line, size_t size)
{
	static char buf[8192];
	static size_t len;
	uint64_t end = bench_now_ns() + (uint64_t)timeout_ms * 1000000;
	for (;;) {
		char *nl;
		while ((nl = memchr(buf, '\n', len))) {
			size_t n = (size_t)(nl - buf) + 1;
			snprintf(line, size, "%.*s", (int)n - 1, buf);
			memmove(buf, buf + n, len - n);
			len -= n;
			if (strstr(line, "Error") || strstr(line, "bench-lwip-sink"))
				fprintf(stderr, "  | %s\n", line);
			if (strstr(line, what))
				return true;
		}
		uint64_t now = bench_now_ns();
		struct pollfd p = {.fd = fd, .events = POLLIN};
		if (now >= end || len == sizeof(buf) ||
		    poll(&p, 1, (int)((end - now) / 1000000) + 1) <= 0)
			return false;
		ssize_t r = read(fd, buf + len, sizeof(buf) - len);
		if (r <= 0)
			return false;
		len += (size_t)r;
	}
}

double
genode_mb_s(const char *self, uint64_t bytes)
{
	static const char *const mods[] = {"core", "init", "timer", "nic_drv", "bench-lwip-sink"};
	char dir[] = "/tmp/bench-lwip-XXXXXX";
	int out = -1;
	pid_t core = -1;
	double mb_s = -1;
	char line[512], expect[64];
	if (bench_boot_dir_make(self, dir, mods, sizeof(mods) / sizeof(mods[0]), config))
		core = bench_core_start(dir, BENCH_TAP ":nic_drv", &out);
	snprintf(expect, sizeof(expect), "received %llu bytes", (unsigned long long)bytes);
	if (core > 0 &&
	    console_wait(out, "bench-lwip-sink: listening", 30000, line, sizeof(line))) {
		mb_s = sender_mb_s(BENCH_LWIP_IP, SINK_PORT, bytes);
		if (!console_wait(out, expect, 10000, line, sizeof(line)))
			mb_s = -1;
	}
	if (core > 0) {
		kill(core, SIGTERM);
		waitpid(core, NULL, 0);
	}
	if (out >= 0)
		close(out);
	char rm[64];
	snprintf(rm, sizeof(rm), "rm -rf '%s'", dir);
	(void)!system(rm);
	return mb_s;
}
