/*
 * \brief  timer: serves the "Timer" service with one thread for all clients
 *
 * The root makes sessions from the client's donation: each session's
 * memory is allocated from the heap only after ram_quota was checked to
 * cover it, and freed at close. Everything else (deadlines, sleepers,
 * signals) is os/timer's service on the component's entrypoint.
 */

#include <base/component.h>
#include <base/entrypoint.h>
#include <base/log.h>
#include <root/session_args.h>
#include <parent/client.h>
#include <root/server.h>
#include <util/arg_string.h>
#include <util/string.h>

#include "../../timer/service.h"

enum { LABEL_MAX = 160 };

static struct env *timer_env;
static struct timer_service timer_svc;

/* the reply BORROWS the session capability: the session keeps its own */
static status_t
root_session(void *ctx, struct rpc_call *call, const char *args, cap_t *session)
{
	void *mem = 0;
	timer_session_cap_t cap;
	char label[LABEL_MAX];
	status_t st = session_args_check("Timer", args, sizeof(struct timer_service_session), label,
	                                 sizeof(label));

	if (st != STATUS_OK)
		return st;
	/* the donation arrived in our RAM session: the heap draws on it */
	st = heap_alloc(env_heap(timer_env), sizeof(struct timer_service_session), &mem);
	if (st != STATUS_OK)
		return st;
	st = timer_service_session_open(&timer_svc, mem, &cap);
	if (st != STATUS_OK) {
		heap_free(env_heap(timer_env), mem);
		return st;
	}
	*session = cap_raw(cap);
	return STATUS_OK;
}

static status_t
root_close(void *ctx, struct rpc_call *call, cap_t session)
{
	struct timer_service_session *s = timer_service_session_lookup(&timer_svc, session);

	cap_close(session);
	if (!s)
		return STATUS_NOT_FOUND;
	timer_service_session_close(s);
	heap_free(env_heap(timer_env), s);
	return STATUS_OK;
}

/* the donation arrived in our RAM session already; the session keeps the record */
static status_t
root_upgrade(void *ctx, struct rpc_call *call, cap_t session, const char *args)
{
	struct timer_service_session *s = timer_service_session_lookup(&timer_svc, session);
	uint64_t amount = 0;
	status_t st = s ? session_upgrade_amount("Timer", args, "", &amount) : STATUS_NOT_FOUND;

	cap_close(session);
	if (st == STATUS_OK)
		s->upgraded += amount;
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

	timer_env = env;
	if (timer_service_init(&timer_svc, env_ep(env)) != STATUS_OK) {
		log_error("timer: cannot create the platform timer");
		env_exit(env, 1);
	}
	if (root_manage(env_ep(env), &root, &root_ops, 0, &root_cap) != STATUS_OK) {
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
