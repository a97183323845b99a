/*
 * \brief  core's accounting on request: SIGUSR1 through a signalfd
 *
 * main() blocks SIGUSR1 before anything else runs, so the signal is
 * never delivered to a handler: it stays pending until the entrypoint's
 * thread reads it from the signalfd and prints the report there, between
 * two RPC calls, where core's tables are consistent.
 */

#define _GNU_SOURCE
#include <dirent.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "../ipc/ep_watch.h"
#include "platform.h"

static void (*report_fn)(void);
static int report_fd = -1;

static void
report_signalled(void *arg)
{
	(void)arg;
	struct signalfd_siginfo info;
	while (read(report_fd, &info, sizeof(info)) == (ssize_t)sizeof(info))
		report_fn();
}

status_t
platform_report_request_watch(struct entrypoint *ep, void (*report)(void))
{
	sigset_t set;
	uint64_t id;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	report_fd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	if (report_fd < 0)
		return STATUS_OUT_OF_MEMORY;
	report_fn = report;
	return entrypoint_watch(ep, report_fd, report_signalled, 0, &id);
}

unsigned
platform_descriptors_open(void)
{
	DIR *d = opendir("/proc/self/fd");
	unsigned n = 0;
	if (!d)
		return 0;
	for (struct dirent *e; (e = readdir(d));)
		n += e->d_name[0] != '.';
	closedir(d);
	return n - 1; /* the directory's own descriptor */
}
