/*
 * \brief  timer: serves the "Timer" service with one thread for all clients
 *
 * The sessions are a root component's (include/root/component.h): each
 * session's memory is allocated from the heap only after ram_quota was
 * checked to cover it, and freed at close. Everything else (deadlines,
 * sleepers, signals) is os/timer's service on the component's entrypoint.
 */

#include <base/component.h>
#include <base/entrypoint.h>
#include <base/log.h>
#include <parent/client.h>
#include <root/component.h>

#include "../../timer/service.h"

struct timer_server_session {
	struct root_session base; /* label, capability, donation */
	struct timer_service_session timer;
};

static struct timer_service timer_svc;
static struct root_component timer_root;

static struct timer_service_session *
timer_of(struct root_session *base)
{
	return &ROOT_SESSION_ENTRY(base, struct timer_server_session, base)->timer;
}

static status_t
timer_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	(void)ctx;
	(void)args;
	timer_session_cap_t cap;
	status_t st = timer_service_session_open(&timer_svc, timer_of(base), &cap);
	if (st == STATUS_OK)
		base->cap = cap_raw(cap);
	return st;
}

/* the service's session owns the capability and closes it */
static void
timer_destroy(void *ctx, struct root_session *base)
{
	(void)ctx;
	timer_service_session_close(timer_of(base));
	base->cap = cap_invalid();
}

static const struct root_component_ops timer_root_ops = {
        .create = timer_create,
        .destroy = timer_destroy,
};

void
component_construct(struct env *env)
{
	static struct rpc_object root;
	root_cap_t root_cap;

	if (timer_service_init(&timer_svc, env_ep(env)) != STATUS_OK) {
		log_error("timer: cannot create the platform timer");
		env_exit(env, 1);
	}
	/* the donation arrived in our RAM session: the heap draws on it */
	root_component_init(&timer_root, "Timer", sizeof(struct timer_server_session),
	                    &timer_root_ops, 0, env_heap(env));
	if (root_component_manage(&timer_root, env_ep(env), &root, &root_cap) != STATUS_OK) {
		log_error("timer: cannot create the root");
		env_exit(env, 1);
	}
	/* the parent gets a copy; ours stays with us for the life of the server */
	status_t s = parent_announce(env_parent(env), "Timer", root_cap);
	if (s != STATUS_OK) {
		log_error("timer: announcing \"Timer\" failed: %s", status_name(s));
		env_exit(env, 1);
	}
}
