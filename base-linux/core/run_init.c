/*
 * \brief  Starting init on Linux and serving it until it exits
 *
 * core creates init as it creates every process (pd_spawn.c), only
 * without a PD session: there is nobody to ask for one. init's log lines
 * come through core's LOG service; what it writes to stdout or stderr
 * anyway is printed labeled "init".
 */

#define _GNU_SOURCE
#include <stdbool.h>

#include <base/entrypoint_linux.h>
#include <base/log.h>
#include <base/status.h>

#include "platform.h"

struct init_state {
	bool ended;
	struct platform_pd_end end;
};

static void
init_ended(void *ctx, const struct platform_pd_end *e)
{
	struct init_state *s = ctx;
	s->ended = true;
	s->end = *e;
}

/* core's main loop: its entrypoint, which also watches every process */
static void
serve_until_ended(struct entrypoint *ep, const struct init_state *s)
{
	while (!s->ended)
		if (entrypoint_linux_wait_dispatch(ep) != STATUS_OK)
			return;
}

status_t
platform_run_init(const struct boot_module *binary, parent_cap_t parent, uint64_t ram_quota,
                  void (*started)(unsigned id), struct entrypoint *ep, struct platform_pd_end *end)
{
	static struct init_state state;
	unsigned id;
	struct platform_pd_start start = {.label = "init",
	                                  .name = "init",
	                                  .binary = binary,
	                                  .parent = cap_raw(parent),
	                                  .ram_quota = ram_quota,
	                                  .on_end = init_ended,
	                                  .ctx = &state};
	status_t s = platform_pd_create(ep, &start, &id);
	if (s != STATUS_OK)
		return s;
	started(id);
	serve_until_ended(ep, &state);
	platform_pd_destroy(id);
	if (!state.ended) {
		log_error("init: core's entrypoint failed before init ended");
		return STATUS_UNAVAILABLE;
	}
	*end = state.end;
	return STATUS_OK;
}
