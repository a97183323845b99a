/*
 * \brief  Starting init on Linux and serving it until it exits
 *
 * core prints every line of init and of init's descendants with the label
 * chain the process library reconstructs, as its LOG service will for
 * components that use LOG sessions.
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
process_relay_line(const char *chain, const char *text, size_t len)
{
	core_log_labeled(chain, text, len);
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
platform_run_init(const struct boot_module *binary, const struct boot_module *config)
{
	const uint8_t *text;
	if (platform_module_map(config, &text) != STATUS_OK) {
		log_error("cannot map boot module \"%s\"", config->name);
		return -1;
	}
	static struct init_state state;
	struct process *init;
	status_t s = process_create("init", binary->name, (const char *)text, (size_t)config->size,
	                            init_exited, &state, &init);
	platform_module_unmap(config, text);
	if (s != STATUS_OK)
		return -1;

	process_serve(init_done, &state);
	if (state.exit.faulted) {
		log_error("init died: %s", state.exit.reason);
		return -1;
	}
	return state.exit.value;
}
