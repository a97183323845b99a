/*
 * \brief  core's process entry on Linux
 *
 * Options: --ram <size> (RAM core manages, with K/M/G suffixes, default
 * 256M; init gets all but core's reserve) and --verbose (core prints its
 * RAM accounts after init started and after init exited, and logs every
 * CPU session with its label and priority, which run/priority.run checks),
 * and --no-sandbox (every component runs without seccomp filter and
 * namespaces; for debugging only, and said so at boot).
 * SIGUSR1 makes core print what every component holds: RAM, dataspaces,
 * sessions per service, and core's open descriptors.
 * Anything else is refused in one line naming the argument, before core
 * touches the boot directory.
 */

#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <util/number.h>

#include "core_log.h"
#include "core_main.h"
#include "memcg.h"
#include "pd_linux.h"

static int
options_parse(int argc, char **argv, struct core_options *opt)
{
	*opt = (struct core_options){.ram_size = CORE_RAM_DEFAULT};
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--verbose") == 0) {
			opt->verbose = true;
			continue;
		}
		if (strcmp(argv[i], "--no-sandbox") == 0) {
			opt->no_sandbox = true;
			continue;
		}
		if (strcmp(argv[i], "--ram") == 0 && i + 1 < argc) {
			i++;
			if (number_parse_size(argv[i], strlen(argv[i]), &opt->ram_size) ==
			    STATUS_OK)
				continue;
			log_error("core: --ram: \"%s\" is no size (e.g. 256M)", argv[i]);
			return -1;
		}
		log_error("core: unknown argument \"%s\" (core takes --ram <size>, --verbose, "
		          "--no-sandbox)",
		          argv[i]);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct core_options opt;
	if (options_parse(argc, argv, &opt) != 0)
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
