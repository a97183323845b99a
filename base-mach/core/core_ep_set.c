/*
 * \brief  core's one entrypoint, as the platform learns it
 *
 * core_main makes one entrypoint for everything core hears and names it
 * in its first platform calls (platform_report_request_watch,
 * platform_tick_watch), before any session exists.
 */

#include "core_mach.h"

struct entrypoint *core_mach_ep;

void
core_mach_ep_set(struct entrypoint *ep)
{
	if (!core_mach_ep)
		core_mach_ep = ep;
}
