/*
 * \brief  test-hostile_escape: a component that tries to start core's own binary
 *
 * core started as a component would re-read the boot directory and the
 * config and start the whole tree again, level after level (issue #11).
 * test-hostile_escape asks for it as any parent would, with process_create on
 * ROM "core" and on "core-copy", a copy of core's binary under another
 * name that the run script puts in the boot directory. core must refuse
 * both; each refusal is one line, and the exit value counts the starts
 * that were not refused (run/hostile_escape.run).
 *
 * <config gate="yes"/> makes an instance wait for a session of service
 * "Gate" first (the script's gate server never announces it: init
 * answers when the script kills that server), then repeat both attempts
 * until one is not refused, so that the script can time a sibling
 * before and during the attack. pause_ms="N" waits N ms on a Timer
 * after each round: each attempt costs init and core the session work
 * of a start, the same work as a sibling's restart, and an unpaced loop
 * measures how init shares that work rather than whether it stalls.
 */

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <base/process.h>
#include <parent/client.h>
#include <parent/server.h>
#include <timer_session/connection.h>

static struct rpc_object kid_parent_obj;
static parent_cap_t kid_parent;

/* the kid's parent, should a kid ever run: it gets nothing */
static status_t
kid_session(void *ctx, struct rpc_call *call, const char *service, const char *args, cap_t *session)
{
	(void)ctx, (void)call, (void)service, (void)args, (void)session;
	return STATUS_DENIED;
}

static const struct parent_ops kid_parent_ops = {.session = kid_session};

static void
kid_exited(void *ctx, struct process *p, const struct process_exit *e)
{
	(void)ctx, (void)p, (void)e;
}

/* 1 if binary started, 0 if refused; quiet: no line for a refusal */
static int
try_start(const char *binary, bool quiet)
{
	struct process *kid;
	status_t s = process_create("kid", binary, cap_raw(kid_parent), kid_exited, 0, &kid);
	if (s == STATUS_OK) {
		log_print("process_create of ROM \"%s\": started, NOT refused", binary);
		process_kill(kid);
		return 1;
	}
	if (!quiet)
		log_print("process_create of ROM \"%s\": refused (%s)", binary, status_name(s));
	return 0;
}

/* gate="yes" and its pause_ms; false without the gate */
static bool
config_gate(struct env *env, uint64_t *pause_ms)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(env, &cfg);
	bool gate = false;
	*pause_ms = 0;
	if (root) {
		(void)node_attribute_bool(root, "gate", false, &gate, &cfg.err);
		(void)node_attribute_u64(root, "pause_ms", 0, pause_ms, &cfg.err);
	}
	return gate;
}

/* the attempts again and again once init answers a request for "Gate" */
static int
repeat_behind_gate(struct env *env, uint64_t pause_ms)
{
	cap_t cap = cap_invalid();
	log_print("waiting at the gate");
	if (parent_session(env_parent(env), "Gate", "ram_quota=4K", &cap) == STATUS_OK) {
		parent_close(env_parent(env), cap);
		cap_close(cap);
	}
	timer_session_cap_t timer;
	if (pause_ms && timer_connection_open(env_parent(env), &timer) != STATUS_OK) {
		log_error("no Timer session for the pause");
		return 0;
	}
	log_print("repeating both attempts");
	int started = 0;
	while (!started) {
		started = try_start("core", true) + try_start("core-copy", true);
		if (pause_ms)
			(void)timer_session_msleep(timer, (unsigned)pause_ms);
	}
	return started;
}

void
component_construct(struct env *env)
{
	if (parent_manage(env_ep(env), &kid_parent_obj, &kid_parent_ops, 0, &kid_parent) !=
	    STATUS_OK) {
		log_error("no parent object for a kid");
		env_exit(env, 100);
	}
	uint64_t pause_ms;
	if (config_gate(env, &pause_ms))
		env_exit(env, repeat_behind_gate(env, pause_ms));
	int started = try_start("core", false) + try_start("core-copy", false);
	env_exit(env, started);
}
