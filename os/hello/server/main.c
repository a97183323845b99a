/*
 * \brief  hello-server: serves the "Hello" service
 *
 * A root object makes the sessions; the root is announced to the parent,
 * which calls it for every client it routes here. What the server keeps
 * per session is paid from the ram_quota the client donated.
 *
 * With <config single_client="yes"/> the root follows Genode's
 * single-client policy (Root_component's Single_client): while a session
 * is open every further request is denied (STATUS_DENIED, which the
 * parent reports), and the open session is not disturbed by that.
 */

#include <base/component.h>
#include <base/entrypoint.h>
#include <base/log.h>
#include <root/session_args.h>
#include <hello_session/server.h>
#include <parent/client.h>
#include <root/server.h>
#include <util/arg_string.h>
#include <util/string.h>

#include "../config_flag.h"

enum { SESSIONS_MAX = 8, LABEL_MAX = 160 };

struct hello_session {
	bool used;
	struct rpc_object rpc;
	hello_session_cap_t cap; /* OWNED; the client got a copy */
	uint64_t upgraded;       /* upgrades on record: a session's memory is fixed */
	char label[LABEL_MAX];
};

static struct env *hello_env;
static struct hello_session sessions[SESSIONS_MAX];
static bool single_client; /* from the config, read once at start */
static uint32_t denials;   /* requests refused by the single-client policy */

static status_t
hello_say_hello(void *ctx, struct rpc_call *call)
{
	(void)call;
	log_print("Hello, %s!", ((struct hello_session *)ctx)->label);
	return STATUS_OK;
}

static status_t
hello_add(void *ctx, struct rpc_call *call, int32_t a, int32_t b, int32_t *sum)
{
	(void)ctx;
	(void)call;
	*sum = (int32_t)((uint32_t)a + (uint32_t)b); /* wraps instead of overflowing */
	return STATUS_OK;
}

static status_t
hello_denials(void *ctx, struct rpc_call *call, uint32_t *count)
{
	(void)ctx;
	(void)call;
	*count = denials;
	return STATUS_OK;
}

static const struct hello_session_ops hello_ops = {
        .say_hello = hello_say_hello,
        .add = hello_add,
        .denials = hello_denials,
};

/* Genode's Single_client policy: one session at a time */
static bool
policy_admits(const char *label)
{
	if (!single_client)
		return true;
	for (unsigned i = 0; i < SESSIONS_MAX; i++)
		if (sessions[i].used) {
			denials++;
			log_print("single client: denied a session to \"%s\"", label);
			return false;
		}
	return true;
}

/* the reply BORROWS the session capability: the server keeps its own */
static status_t
root_session(void *ctx, struct rpc_call *call, const char *args, cap_t *session)
{
	(void)ctx;
	(void)call;
	struct hello_session *s = 0;
	char label[LABEL_MAX];
	status_t st = session_args_check("Hello", args, sizeof(struct hello_session), label,
	                                 sizeof(label));
	if (st != STATUS_OK)
		return st;
	if (!policy_admits(label))
		return STATUS_DENIED;
	for (unsigned i = 0; i < SESSIONS_MAX && !s; i++)
		if (!sessions[i].used)
			s = &sessions[i];
	if (!s)
		return STATUS_OUT_OF_MEMORY;
	str_copy(s->label, label, sizeof(s->label));
	s->rpc = (struct rpc_object){0};
	s->upgraded = 0;
	st = hello_session_manage(env_ep(hello_env), &s->rpc, &hello_ops, s, &s->cap);
	if (st != STATUS_OK)
		return st;
	s->used = true;
	*session = cap_raw(s->cap);
	return STATUS_OK;
}

static status_t
root_close(void *ctx, struct rpc_call *call, cap_t session)
{
	(void)ctx;
	(void)call;
	for (unsigned i = 0; i < SESSIONS_MAX; i++) {
		struct hello_session *s = &sessions[i];
		if (s->used && cap_same(cap_raw(s->cap), session)) {
			entrypoint_dissolve(env_ep(hello_env), &s->rpc);
			cap_close(cap_raw(s->cap));
			s->used = false;
		}
	}
	cap_close(session);
	return STATUS_OK;
}

/* the donation arrived in our RAM session already; said in the log for the tests */
static status_t
root_upgrade(void *ctx, struct rpc_call *call, cap_t session, const char *args)
{
	(void)ctx;
	(void)call;
	status_t st = STATUS_NOT_FOUND;
	for (unsigned i = 0; i < SESSIONS_MAX && st == STATUS_NOT_FOUND; i++) {
		struct hello_session *s = &sessions[i];
		uint64_t amount = 0;
		if (!s->used || !cap_same(cap_raw(s->cap), session))
			continue;
		st = session_upgrade_amount("Hello", args, s->label, &amount);
		if (st != STATUS_OK)
			break;
		s->upgraded += amount;
		log_print("session \"%s\" upgraded by %llu bytes, %llu in all", s->label,
		          (unsigned long long)amount, (unsigned long long)s->upgraded);
	}
	cap_close(session);
	return st;
}

static const struct root_ops root_ops = {
        .session = root_session,
        .upgrade = root_upgrade,
        .close = root_close,
};

void
component_construct(struct env *env)
{
	static struct rpc_object root;
	root_cap_t root_cap;
	hello_env = env;
	single_client = hello_config_flag(env, "single_client", false);
	if (root_manage(env_ep(env), &root, &root_ops, 0, &root_cap) != STATUS_OK) {
		log_error("cannot create the root");
		env_exit(env, 1);
	}
	/* the parent gets a copy; ours stays with us for the life of the server */
	status_t s = parent_announce(env_parent(env), "Hello", root_cap);
	if (s != STATUS_OK) {
		log_error("announcing \"Hello\" failed: %s", status_name(s));
		env_exit(env, 1);
	}
}
