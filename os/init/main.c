/*
 * \brief  init: start the children its config lists and report their end
 *
 * The config is validated as a whole before anything starts: a config
 * with an error starts no child at all and says why in one line, so there
 * is never a half-started tree without a word. (Session routing and quota
 * trading arrive with the parent protocol; the config model already holds
 * routes and quanta.)
 */

#include <base/component.h>
#include <base/log.h>
#include <base/process.h>

#include "config/init_config.h"

struct child_state {
	struct process *process;
	bool running;
};

static struct init_config config;
static struct init_config_diag diag;
static struct child_state children[INIT_CONFIG_MAX_CHILDREN];

static void
print_verbose(const struct init_child *c)
{
	log_print("child \"%s\"", c->name);
	log_print("  RAM quota:  %llu", (unsigned long long)c->ram_quota);
	log_print("  ELF binary: %s", c->binary);
	log_print("  priority:   %d", (int)c->priority);
	for (unsigned i = 0; i < c->provides_count; i++)
		log_print("  provides service %s", c->provides[i]);
}

static void
child_exited(void *ctx, struct process *p, const struct process_exit *e)
{
	struct child_state *s = ctx;
	s->running = false;
	if (e->faulted)
		log_error("child \"%s\" died: %s", process_name(p), e->reason);
	else
		log_print("child \"%s\" exited with exit value %d", process_name(p), e->value);
}

static void
start_child(unsigned i)
{
	const struct init_child *c = &config.children[i];
	const char *text = 0;
	size_t len = 0;

	if (c->config_kind == INIT_CHILD_CONFIG_INLINE) {
		text = c->config_text.start;
		len = c->config_text.len;
	} else if (c->config_kind == INIT_CHILD_CONFIG_FILE) {
		log_warning("child \"%s\": <configfile> \"%s\" needs the ROM service; "
		            "starting it without config",
		            c->name, c->config_file);
	}
	status_t s = process_create(c->name, c->binary, text, len, child_exited, &children[i],
	                            &children[i].process);
	if (s != STATUS_OK) {
		log_error("child \"%s\": start failed: %s", c->name, status_name(s));
		return;
	}
	children[i].running = true;
}

void
component_construct(struct env *env)
{
	const char *text;
	size_t len;
	if (env_config(env, &text, &len) != STATUS_OK) {
		log_error("no config");
		env_exit(env, 1);
	}
	status_t s = init_config_parse(&config, text, len, &diag);
	for (unsigned i = 0; i < diag.warning_count; i++)
		log_warning("%s", diag.warnings[i]);
	if (diag.warnings_dropped)
		log_warning("%u more config warnings not shown", diag.warnings_dropped);
	if (s != STATUS_OK) {
		log_error("%s", diag.error);
		log_error("config refused, no child started");
		env_exit(env, 1);
	}
	for (unsigned i = 0; i < config.child_count; i++) {
		if (config.verbose)
			print_verbose(&config.children[i]);
		start_child(i);
	}
}
