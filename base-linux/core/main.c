/*
 * \brief  core's process entry on Linux
 */

#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "core_log.h"
#include "core_main.h"

int
main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		log_error("core: unknown argument \"%s\" (core takes no arguments)", argv[i]);
		return 2;
	}
	/* a component that closes its end of a pipe must not kill core */
	signal(SIGPIPE, SIG_IGN);
	return core_main();
}
