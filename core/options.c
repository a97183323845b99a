/*
 * \brief  core's command-line options
 *
 * How the words reach core is the platform's business (Linux: argv); what
 * they mean is core's: --ram <size> (RAM core manages, with K/M/G
 * suffixes, default 256M; init gets all but core's reserve), --verbose
 * (RAM accounts after init started and after it exited, every CPU session
 * with its label and priority, which run/priority.run checks) and
 * --no-sandbox (a platform's confinement off, for debugging only; the
 * platform says so at boot). Anything else is refused in one line naming
 * the argument, before core touches the boot directory.
 */

#include <base/log.h>
#include <util/number.h>
#include <util/string.h>

#include "core_main.h"

int
core_options_parse(int argc, char *const *argv, struct core_options *opt)
{
	*opt = (struct core_options){.ram_size = CORE_RAM_DEFAULT};
	for (int i = 1; i < argc; i++) {
		if (str_equal(argv[i], "--verbose")) {
			opt->verbose = true;
			continue;
		}
		if (str_equal(argv[i], "--no-sandbox")) {
			opt->no_sandbox = true;
			continue;
		}
		if (str_equal(argv[i], "--ram") && i + 1 < argc) {
			i++;
			if (number_parse_size(argv[i], str_len(argv[i]), &opt->ram_size) ==
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
