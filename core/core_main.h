/*
 * \brief  Entry of core's generic part, called by the platform's start code
 */

#ifndef _CORE__CORE_MAIN_H_
#define _CORE__CORE_MAIN_H_

#include <stdbool.h>
#include <stdint.h>

/* 256 MiB unless the platform's command line says otherwise (--ram) */
#define CORE_RAM_DEFAULT (256ull * 1024 * 1024)

struct core_options {
	uint64_t ram_size; /* the RAM core manages, init gets it minus a reserve */
	bool verbose;      /* RAM accounts at boot and exit, every CPU session and thread */
	bool no_sandbox;   /* components run unconfined (platform option, for debugging) */
};

/*
 * Fill opt from the words of core's command line (argv[0] is core's own
 * name and skipped). 0, or -1 after logging the word that is wrong.
 */
int core_options_parse(int argc, char *const *argv, struct core_options *opt);

/* set by core_main from the options: log every CPU session and thread */
extern bool core_verbose;

/* log what every component holds at core; why says what asked for it */
void core_accounting_report(const char *why);

/* returns core's exit value */
int core_main(const struct core_options *options);

#endif /* _CORE__CORE_MAIN_H_ */
