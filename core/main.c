/*
 * \brief  core's generic start-up: check the boot modules, set up the
 *         services, then start init and serve it
 */

#include <base/entrypoint.h>
#include <util/string.h>

#include "core_log.h"
#include "core_main.h"
#include "core_service.h"
#include "elf_check.h"
#include "init_parent.h"
#include "platform.h"
#include "ram_service.h"
#include "rm_session.h"
#include "signal_service.h"

static struct boot_modules modules;

/* the last but one slot is the platform's own service, if it has one */
struct core_service *core_services[] = {&core_log_service,
                                        &core_rom_service,
                                        &core_ram_service,
                                        &core_cpu_service,
                                        &core_rm_service,
                                        &core_pd_service,
                                        &core_signal_service,
                                        0,
                                        0};

bool core_verbose;

static void
report_requested(void)
{
	core_accounting_report("requested");
}

/*
 * A client that flooded and went quiet gets its summary line from here
 * (include/util/rate_limit.h): each of its windows is one interval, so a
 * check per interval reports it at most an interval late.
 */
static void
refusal_limits_tick(void)
{
	core_cpu_limits_tick();
	core_ram_limits_tick();
	core_rm_limits_tick();
	core_pd_limits_tick();
	core_signal_limits_tick();
	init_parent_limits_tick();
}

/* the entrypoint serving the roots, the sessions and init's parent object */
static status_t
services_start(struct entrypoint **ep, struct init_parent_state *state, parent_cap_t *parent,
               uint64_t ram_size)
{
	status_t s = entrypoint_create(ep);
	if (s != STATUS_OK)
		return s;
	core_log_service_init(*ep);
	core_rom_service_init(*ep, &modules);
	core_cpu_service_init(*ep);
	core_rm_service_init(*ep);
	core_pd_service_init(*ep);
	core_signal_service_init(*ep);
	core_services[sizeof(core_services) / sizeof(core_services[0]) - 2] =
	        platform_core_service(*ep);
	s = core_ram_service_init(*ep, ram_size);
	if (s != STATUS_OK) {
		log_error("cannot set up RAM: %llu bytes configured, core alone keeps %u",
		          (unsigned long long)ram_size, (unsigned)CORE_RAM_RESERVE);
		return s;
	}
	s = core_services_init(*ep);
	if (s == STATUS_OK)
		s = platform_report_request_watch(*ep, report_requested);
	if (s == STATUS_OK)
		s = platform_tick_watch(*ep, refusal_limits_tick, RATE_LIMIT_INTERVAL_US / 1000u);
	return s == STATUS_OK ? init_parent_create(*ep, state, parent) : s;
}

/* a module that is an executable must be complete, init must be one */
static int
check_binary(const struct boot_module *m, int required)
{
	const uint8_t *image;
	const char *why = "";

	if (platform_module_map(m, &image) != STATUS_OK) {
		log_error("cannot map boot module \"%s\"", m->name);
		return -1;
	}
	int is_elf = m->size >= 4 && image[0] == 0x7f && image[1] == 'E';
	status_t st = STATUS_OK;
	if (required || is_elf)
		st = elf_check(image, (size_t)m->size, platform_elf_class(), platform_elf_machine(),
		               &why);
	platform_module_unmap(m, image);
	if (st != STATUS_OK) {
		log_error("boot module \"%s\" is not a valid executable: %s", m->name, why);
		return -1;
	}
	return 0;
}

static int
check_modules(void)
{
	static const char *const required[] = {"init", "config"};
	for (unsigned i = 0; i < 2; i++) {
		if (!boot_modules_find(&modules, required[i])) {
			log_error("boot module \"%s\" is missing", required[i]);
			return -1;
		}
	}
	for (unsigned i = 0; i < modules.count; i++)
		if (check_binary(&modules.module[i], str_equal(modules.module[i].name, "init")))
			return -1;
	return 0;
}

/*
 * init's exit value is what it reported through its parent, as for any
 * child; a fault after that report is no death. Without the report, say
 * how it ended. false: no value.
 */
static bool
init_exit_value(const struct init_parent_state *state, const struct platform_pd_end *end,
                int *value)
{
	if (state->exit_reported) {
		*value = state->exit_value;
		return true;
	}
	char why[EXIT_FAULT_TEXT_MAX];
	exit_fault_describe(&end->fault, why, sizeof(why));
	if (end->fault.reason == EXIT_REASON_EXITED)
		log_error("init exited without an exit value");
	else
		log_error("init died: %s", why);
	return false;
}

int
core_main(const struct core_options *opt)
{
	const char *bad = "", *why = "";

	core_verbose = opt->verbose;
	boot_modules_init(&modules);
	if (platform_boot_modules_scan(&modules, &bad, &why) != STATUS_OK) {
		log_error("cannot read boot module \"%s\": %s", bad, why);
		return 1;
	}
	if (check_modules())
		return 1;

	log_print("Genode/C core: %u boot modules", modules.count);
	static struct init_parent_state state;
	struct entrypoint *ep;
	parent_cap_t parent;
	if (services_start(&ep, &state, &parent, opt->ram_size) != STATUS_OK) {
		log_error("cannot set up core's services");
		return 1;
	}
	if (opt->verbose)
		core_accounting_report("boot");
	struct platform_pd_end end = {0};
	status_t st = platform_run_init(boot_modules_find(&modules, "init"), parent,
	                                core_ram_init_quota(), core_ram_init_bind, ep, &end);
	init_parent_reclaim();
	if (opt->verbose)
		core_accounting_report("init exited");
	if (st != STATUS_OK)
		return 1; /* the platform said why init did not start */
	int value;
	if (!init_exit_value(&state, &end, &value))
		return 1;
	log_print("init exited with exit value %d", value);
	return value;
}
