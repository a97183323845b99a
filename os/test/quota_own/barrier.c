/*
 * \brief  test-quota_own: the hogs' announcements as the sibling's barrier
 *
 * init defers a session request to a server until it announced, so a
 * hog announcing "Hog-<kind>" only when it is done tells the sibling, in
 * order, without a timeout: the sibling's request returns then. The
 * session handed out is a copy of the root capability; the sibling only
 * needs the answer.
 */

#include <base/log.h>
#include <parent/client.h>
#include <root/server.h>
#include <util/format.h>

#include "quota_own.h"

static struct rpc_object barrier_root;
static root_cap_t barrier_root_cap; /* OWNED for the life of the hog */

static status_t
barrier_session(void *ctx, struct rpc_call *call, const char *args, cap_t *session)
{
	(void)ctx;
	(void)call;
	(void)args;
	/* the reply BORROWS it: the copy the parent gets is its own */
	*session = cap_raw(barrier_root_cap);
	return STATUS_OK;
}

static status_t
barrier_upgrade(void *ctx, struct rpc_call *call, cap_t session, const char *args)
{
	(void)ctx;
	(void)call;
	(void)args;
	cap_close(session);
	return STATUS_OK;
}

static status_t
barrier_close(void *ctx, struct rpc_call *call, cap_t session)
{
	(void)ctx;
	(void)call;
	cap_close(session);
	return STATUS_OK;
}

static const struct root_ops barrier_ops = {
        .session = barrier_session,
        .upgrade = barrier_upgrade,
        .close = barrier_close,
};

bool
barrier_announce(struct env *env, const char *kind)
{
	char service[32];
	format_string(service, sizeof(service), "Hog-%s", kind);
	status_t s = root_manage(env_ep(env), &barrier_root, &barrier_ops, 0, &barrier_root_cap);
	if (s == STATUS_OK)
		s = parent_announce(env_parent(env), service, barrier_root_cap);
	if (s != STATUS_OK)
		log_error("announcing \"%s\" failed: %s", service, status_name(s));
	return s == STATUS_OK;
}

bool
barrier_wait(struct env *env)
{
	static const char *const services[] = {"Hog-signal", "Hog-ram", "Hog-log"};
	for (unsigned i = 0; i < 3; i++) {
		cap_t raw = cap_invalid();
		status_t s = parent_session(env_parent(env), services[i], "ram_quota=1K", &raw);
		if (s != STATUS_OK) {
			log_error("waiting for \"%s\": %s", services[i], status_name(s));
			return false;
		}
		cap_close(raw); /* init closes the session at our end */
	}
	return true;
}
