/*
 * \brief  Starting init on GNU Mach and serving it until it ends
 *
 * As every process (pd.c), without a PD session: nobody could ask for one.
 * core's entrypoint hears init's end with everything else.
 */

#include <base/log.h>

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
	while (!state.ended)
		if (entrypoint_wait_and_dispatch_one(ep) != STATUS_OK)
			break;
	platform_pd_destroy(id);
	if (!state.ended) {
		log_error("init: core's entrypoint failed before init ended");
		return STATUS_UNAVAILABLE;
	}
	*end = state.end;
	return STATUS_OK;
}
