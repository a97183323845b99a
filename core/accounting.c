/*
 * \brief  core's accounting report: what every component holds at core
 *
 * Shown on request (Linux: SIGUSR1 to core) and, with --verbose, after
 * init started and after it exited. The last line sums up the figures a
 * leak would change (sessions, RAM accounts and dataspaces, RAM used,
 * core's open descriptors, thread objects of CPU sessions), so that
 * a scenario can compare two reports with one regular expression, e.g.
 * before and after a hundred kills.
 */

#include <base/log.h>

#include "core_main.h"
#include "core_service.h"
#include "init_parent.h"
#include "platform.h"
#include "ram_service.h"
#include "signal_service.h"

void
core_accounting_report(const char *why)
{
	struct core_ram_totals ram;
	log_print("core: accounting (%s)", why);
	core_ram_report();
	unsigned threads = core_cpu_report();
	unsigned long contexts = core_signal_report();
	unsigned sessions = init_parent_sessions_report();
	core_ram_totals(&ram);
	log_print("core: totals: sessions %u, RAM accounts %lu, dataspaces %lu, used %llu, "
	          "descriptors %u, threads %u, signal contexts %lu",
	          sessions, ram.accounts, ram.ds_count, (unsigned long long)ram.used,
	          platform_descriptors_open(), threads, contexts);
}
