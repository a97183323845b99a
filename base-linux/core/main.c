/*
 * \brief  core's process entry on Linux
 *
 * The options are core's (core/options.c); what is done here knows
 * Linux: --no-sandbox switches off the confinement of every process
 * core creates, SIGPIPE is ignored, SIGUSR1 (core's accounting report)
 * is only ever read from a signalfd, and the memory cgroups are set up
 * before init exists.
 */

#define _GNU_SOURCE
#include <signal.h>

#include "core_log.h"
#include "core_main.h"
#include "memcg.h"
#include "pd_linux.h"

int
main(int argc, char **argv)
{
	struct core_options opt;
	if (core_options_parse(argc, argv, &opt) != 0)
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
	return core_main(&opt);
}
