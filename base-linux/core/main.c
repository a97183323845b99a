/*
 * \brief  core's process entry on Linux
 *
 * The options are core's (core/options.c); what is done here knows
 * Linux: --no-sandbox switches off the confinement of every process
 * core creates, SIGPIPE is ignored, SIGUSR1 (core's accounting report)
 * is only ever read from a signalfd, the memory cgroups are set up
 * before init exists, and core's descriptor limit is lifted.
 */

#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core_log.h"
#include "core_main.h"
#include "memcg.h"
#include "pd_linux.h"

/*
 * Every signal context, session and dataspace core holds is a descriptor
 * of core's, so the descriptor limit is one bound for all clients that no
 * quota pays for (a VM's init may leave it at the kernel's 4096). Lift it
 * to what the kernel allows a process (fs.nr_open) where core may: then
 * each client's quota runs out long before core's descriptors do.
 */
static void
fd_limit_raise(void)
{
	char text[32] = "";
	int fd = open("/proc/sys/fs/nr_open", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	ssize_t n = read(fd, text, sizeof(text) - 1);
	close(fd);
	rlim_t max = n > 0 ? (rlim_t)strtoull(text, NULL, 10) : 0;
	struct rlimit rl;
	if (max && getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_max < max) {
		rl.rlim_max = max;
		rl.rlim_cur = max;
		(void)setrlimit(RLIMIT_NOFILE, &rl); /* unprivileged: the old limit stays */
	}
}

int
main(int argc, char **argv)
{
	struct core_options opt;
	/* Linux's own option first: --tap opens the devices before any process exists */
	argc = linux_tap_options_take(argc, argv);
	if (argc < 0 || core_options_parse(argc, argv, &opt) != 0)
		return 2;
	if (opt.no_sandbox) {
		log_warning("sandbox disabled (--no-sandbox): components run unconfined");
		linux_pd_sandbox_off();
	}
	/* a component that closes its end of a pipe must not kill core */
	signal(SIGPIPE, SIG_IGN);
	/*
	 * SIGUSR1 asks for core's accounting (report_request.c): blocked
	 * before any thread exists, it is only ever read from a signalfd.
	 */
	sigset_t usr1;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	linux_memcg_init();
	fd_limit_raise();
	return core_main(&opt);
}
