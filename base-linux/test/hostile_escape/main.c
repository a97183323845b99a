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
 */

#include <base/component.h>
#include <base/log.h>
#include <base/process.h>
#include <parent/server.h>

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

/* 1 if binary started, 0 if refused */
static int
try_start(const char *binary)
{
	struct process *kid;
	status_t s = process_create("kid", binary, cap_raw(kid_parent), kid_exited, 0, &kid);
	if (s == STATUS_OK) {
		log_print("process_create of ROM \"%s\": started, NOT refused", binary);
		process_kill(kid);
		return 1;
	}
	log_print("process_create of ROM \"%s\": refused (%s)", binary, status_name(s));
	return 0;
}

void
component_construct(struct env *env)
{
	if (parent_manage(env_ep(env), &kid_parent_obj, &kid_parent_ops, 0, &kid_parent) !=
	    STATUS_OK) {
		log_error("no parent object for a kid");
		env_exit(env, 100);
	}
	int started = try_start("core") + try_start("core-copy");
	env_exit(env, started);
}
