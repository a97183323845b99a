/*
 * \brief  core's process entry on Linux
 *
 * core takes one option, --verbose (log every CPU session with its label
 * and priority, which run/priority.run checks). Anything else is refused
 * in one line naming the argument, before core touches the boot directory.
 */

#define _GNU_SOURCE
#include <signal.h>
#include <stdbool.h>
#include <string.h>

#include "core_log.h"
#include "core_main.h"

int
main(int argc, char **argv)
{
	bool verbose = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--verbose") == 0) {
			verbose = true;
			continue;
		}
		log_error("core: unknown argument \"%s\" (core takes only --verbose)", argv[i]);
		return 2;
	}
	/* a component that closes its end of a pipe must not kill core */
	signal(SIGPIPE, SIG_IGN);
	return core_main(verbose);
}
