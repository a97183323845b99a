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
 *
 * The sessions are a root component's (include/root/component.h): each
 * object comes from the server's heap once the client's donation covered
 * it; there is no maximum number of sessions.
 */

#include <base/component.h>
#include <base/entrypoint.h>
#include <base/log.h>
#include <hello_session/server.h>
#include <parent/client.h>
#include <root/component.h>

#include "../config_flag.h"

struct hello_session {
	struct root_session base; /* label, capability, donation */
	struct rpc_object rpc;
	uint64_t upgraded; /* upgrades on record, said in the log for the tests */
};

static struct env *hello_env;
static struct root_component hello_root;

static status_t
hello_say_hello(void *ctx, struct rpc_call *call)
{
	(void)call;
	log_print("Hello, %s!", ((struct hello_session *)ctx)->base.label);
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
	*count = hello_root.denials;
	return STATUS_OK;
}

static const struct hello_session_ops hello_ops = {
        .say_hello = hello_say_hello,
        .add = hello_add,
        .denials = hello_denials,
};

static struct hello_session *
hello_of(struct root_session *base)
{
	return ROOT_SESSION_ENTRY(base, struct hello_session, base);
}

static status_t
hello_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	(void)ctx;
	(void)args;
	hello_session_cap_t cap;
	status_t st = hello_session_manage(env_ep(hello_env), &hello_of(base)->rpc, &hello_ops,
	                                   hello_of(base), &cap);
	if (st == STATUS_OK)
		base->cap = cap_raw(cap);
	return st;
}

static void
hello_destroy(void *ctx, struct root_session *base)
{
	(void)ctx;
	entrypoint_dissolve(env_ep(hello_env), &hello_of(base)->rpc);
}

/* the donation arrived in our RAM session already; said in the log for the tests */
static void
hello_upgraded(void *ctx, struct root_session *base, uint64_t amount)
{
	(void)ctx;
	struct hello_session *s = hello_of(base);
	s->upgraded += amount;
	log_print("session \"%s\" upgraded by %llu bytes, %llu in all", base->label,
	          (unsigned long long)amount, (unsigned long long)s->upgraded);
}

static const struct root_component_ops hello_root_ops = {
        .create = hello_create,
        .destroy = hello_destroy,
        .upgraded = hello_upgraded,
};

void
component_construct(struct env *env)
{
	static struct rpc_object root;
	root_cap_t root_cap;
	hello_env = env;
	root_component_init(&hello_root, "Hello", sizeof(struct hello_session), &hello_root_ops, 0,
	                    env_heap(env));
	hello_root.single_client = hello_config_flag(env, "single_client", false);
	if (root_component_manage(&hello_root, env_ep(env), &root, &root_cap) != STATUS_OK) {
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
