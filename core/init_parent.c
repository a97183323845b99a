/*
 * \brief  core as init's parent
 *
 * core serves one parent object, for init. Its policy is Genode's: every
 * session init asks for is a core service, and core puts "init" in front
 * of the label, so init's own LOG lines appear as "[init] ..." and those
 * of a session init requested for its child "x" as "[init -> x] ...".
 */

#include <base/log.h>
#include <parent/server.h>

#include "core_service.h"
#include "init_parent.h"

static struct rpc_object init_parent_obj;
static struct init_parent_state *state;

/* core announces nothing to anybody, so an announcement goes nowhere */
static status_t
init_parent_announce(void *ctx, struct rpc_call *call, const char *service, root_cap_t root)
{
	(void)ctx;
	(void)call;
	log_warning("init: illegal announcement of service \"%s\"", service);
	cap_close(cap_raw(root));
	return STATUS_DENIED;
}

static status_t
init_parent_session(void *ctx, struct rpc_call *call, const char *service, const char *args,
                    cap_t *session)
{
	(void)ctx;
	(void)call;
	return core_session_request(service, args, "init", session);
}

static status_t
init_parent_upgrade(void *ctx, struct rpc_call *call, cap_t session, const char *args)
{
	(void)ctx;
	(void)call;
	(void)args;
	cap_close(session);
	return STATUS_OK;
}

static status_t
init_parent_close(void *ctx, struct rpc_call *call, cap_t session)
{
	(void)ctx;
	(void)call;
	return core_session_close(session);
}

static status_t
init_parent_exit(void *ctx, struct rpc_call *call, int32_t value)
{
	(void)ctx;
	(void)call;
	state->exit_reported = true;
	state->exit_value = value;
	return STATUS_OK;
}

static const struct parent_ops init_parent_ops = {
        .announce = init_parent_announce,
        .session = init_parent_session,
        .upgrade = init_parent_upgrade,
        .close = init_parent_close,
        .exit = init_parent_exit,
};

status_t
init_parent_create(struct entrypoint *ep, struct init_parent_state *s, parent_cap_t *cap)
{
	state = s;
	return parent_manage(ep, &init_parent_obj, &init_parent_ops, 0, cap);
}
