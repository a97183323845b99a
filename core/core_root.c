/*
 * \brief  The root object of each core service
 *
 * Components reach core's services through their parent; the roots exist
 * so that core's services look like any other server's (a root per
 * service, Genode's structure) and are what core would announce. A root
 * call takes the label as given: no parent-side policy is applied here.
 */

#include <root/server.h>
#include <root/session_args.h>

#include "core_service.h"

static status_t
root_session(void *ctx, struct rpc_call *call, const char *args, cap_t *session)
{
	(void)call;
	struct core_service *svc = ctx;
	return core_session_request(svc->name, args, "", session);
}

/* whoever holds a root has paid already (as for root_session): just add it */
static status_t
root_upgrade(void *ctx, struct rpc_call *call, cap_t session, const char *args)
{
	(void)call;
	struct core_service *svc = ctx;
	uint64_t amount = 0;
	status_t s = session_upgrade_amount(svc->name, args, "", &amount);
	if (s == STATUS_OK)
		s = core_session_upgrade(svc->name, session, amount, "");
	cap_close(session);
	return s;
}

static status_t
root_close(void *ctx, struct rpc_call *call, cap_t session)
{
	(void)call;
	struct core_service *svc = ctx;
	bool found = core_service_close(svc, session);
	cap_close(session);
	return found ? STATUS_OK : STATUS_NOT_FOUND;
}

static const struct root_ops root_ops = {
        .session = root_session,
        .upgrade = root_upgrade,
        .close = root_close,
};

status_t
core_services_init(struct entrypoint *ep)
{
	for (unsigned i = 0; core_services[i]; i++) {
		struct core_service *svc = core_services[i];
		status_t s = root_manage(ep, &svc->root, &root_ops, svc, &svc->root_cap);
		if (s != STATUS_OK)
			return s;
	}
	return STATUS_OK;
}
