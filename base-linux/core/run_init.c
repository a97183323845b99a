/*
 * \brief  Starting init on Linux and serving it until it exits
 *
 * init's log lines come through core's LOG service; what init writes to
 * stdout or stderr anyway is printed labeled "init".
 */

#define _GNU_SOURCE
#include <stdbool.h>

#include <base/process.h>

#include "core_log.h"
#include "platform.h"

struct init_state {
	bool exited;
	struct process_exit exit;
};

void
process_stray_line(const char *name, const char *text, size_t len)
{
	core_log_labeled(name, text, len);
}

static void
init_exited(void *ctx, struct process *p, const struct process_exit *e)
{
	(void)p;
	struct init_state *s = ctx;
	s->exited = true;
	s->exit = *e;
}

static bool
init_done(void *ctx)
{
	return ((struct init_state *)ctx)->exited;
}

int
platform_run_init(const struct boot_module *binary, parent_cap_t parent, struct entrypoint *ep)
{
	static struct init_state state;
	struct process *init;
	status_t s =
	        process_create("init", binary->name, cap_raw(parent), init_exited, &state, &init);
	if (s != STATUS_OK)
		return -1;

	process_serve(ep, init_done, &state);
	if (state.exit.faulted) {
		log_error("init died: %s", state.exit.reason);
		return -1;
	}
	return state.exit.value;
}
