/*
 * \brief  init: start the children its config lists, serve them as their
 *         parent and report their end
 *
 * The config is validated as a whole before anything starts: a config
 * with an error starts no child at all and says why in one line, so there
 * is never a half-started tree without a word. Each child gets a parent
 * object (parent_object.c) through which its session requests are routed
 * (session_route.c); what init keeps for a child, the child pays
 * (child_meta.c).
 */

#include <base/component.h>
#include <base/log.h>
#include <base/process.h>

#include <ram_session/connection.h>

#include "child.h"

struct init_config config;
struct env *init_env;
static struct init_config_diag diag;
/* init's RAM avail before the first child, its heap's spare counted (child_meta_avail) */
static uint64_t avail_before;

/*
 * With verbose="yes", show that every child's quota came back: once all
 * have exited and the closes of their sessions, which init does not wait
 * for (session_call.c), have been answered.
 */
static void
report_when_all_exited(void)
{
	static bool reported;
	if (!config.verbose || reported)
		return;
	for (unsigned i = 0; i < config.child_count; i++)
		if (children[i].running)
			return;
	if (child_calls_in_flight())
		return;
	reported = true;
	log_print("all children exited, RAM avail %llu (before children: %llu)",
	          (unsigned long long)child_meta_avail(), (unsigned long long)avail_before);
}

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

static void start_child(unsigned i);

static void
child_exited(void *ctx, struct process *p, const struct process_exit *e)
{
	struct child_state *s = ctx;
	s->running = false;
	child_parent_destroy(s);
	child_end_report(process_name(p), s, &e->fault);
	/*
	 * restart="yes": everything of the old instance is reclaimed already
	 * (child_parent_destroy), so the new one starts from the same figures.
	 * Requests waiting for its services' announcement keep waiting for the
	 * new instance; those it had taken already are refused (its root
	 * hung up): they may be what killed it, and repeating them could keep
	 * a server in a loop of crashes with its clients waiting forever.
	 */
	if (s->cfg->restart) {
		start_child(s->index);
		if (s->running) {
			log_print("child \"%s\" restarted", s->cfg->name);
			return;
		}
	}
	/* after the report, so that the cause precedes its consequences */
	s->ended = true;
	session_route_server_gone(s->index);
	report_when_all_exited();
}

static void
start_child(unsigned i)
{
	struct child_state *c = &children[i];
	c->index = i;
	c->cfg = &config.children[i];
	c->exit_reported = false;
	c->instance++;
	if (!child_start(c, child_exited))
		c->ended = true; /* requests for its services are refused, not kept waiting */
}

void
component_construct(struct env *env)
{
	const char *text;
	size_t len;
	init_env = env;
	child_calls_done = report_when_all_exited;
	if (env_config(env, &text, &len) != STATUS_OK) {
		log_error("no config");
		env_exit(env, 1);
	}
	/* the model is paid from init's own quota, as in Genode */
	status_t s = init_config_parse(&config, env_heap(env), text, len, &diag);
	for (unsigned i = 0; i < diag.warning_count; i++)
		log_warning("%s", diag.warnings[i]);
	if (diag.warnings_dropped)
		log_warning("%u more config warnings not shown", diag.warnings_dropped);
	if (s != STATUS_OK) {
		log_error("%s", diag.error);
		log_error("config refused, no child started");
		env_exit(env, 1);
	}
	if (child_states_alloc() != STATUS_OK) {
		log_error("config refused, no child started");
		env_exit(env, 1);
	}
	/* Genode's message: run scripts wait for it to see an idle init */
	if (config.child_count == 0)
		log_error("No children to start");
	child_meta_prepare();
	avail_before = child_meta_avail();
	if (config.verbose)
		log_print("RAM avail %llu before children", (unsigned long long)avail_before);
	for (unsigned i = 0; i < config.child_count; i++) {
		if (config.verbose)
			print_verbose(&config.children[i]);
		start_child(i);
	}
}
