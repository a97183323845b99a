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
#include <util/string.h>

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
barrier_announce(struct env *env, const char *service)
{
	status_t s = root_manage(env_ep(env), &barrier_root, &barrier_ops, 0, &barrier_root_cap);
	if (s == STATUS_OK)
		s = parent_announce(env_parent(env), service, barrier_root_cap);
	if (s != STATUS_OK)
		log_error("announcing \"%s\" failed: %s", service, status_name(s));
	return s == STATUS_OK;
}

static bool
barrier_wait_one(struct env *env, const char *service)
{
	cap_t raw = cap_invalid();
	status_t s = parent_session(env_parent(env), service, "ram_quota=1K", &raw);
	if (s != STATUS_OK) {
		log_error("waiting for \"%s\": %s", service, status_name(s));
		return false;
	}
	cap_close(raw); /* init closes the session at our end */
	return true;
}

bool
barrier_wait(struct env *env, const char *services)
{
	char name[32];
	unsigned waited = 0;
	while (*services) {
		size_t n = 0;
		while (services[n] && services[n] != ' ')
			n++;
		if (n >= sizeof(name)) {
			log_error("config: await: a service name of %lu bytes", (unsigned long)n);
			return false;
		}
		if (n > 0) {
			str_copy(name, services, n + 1);
			if (!barrier_wait_one(env, name))
				return false;
			waited++;
		}
		services += services[n] ? n + 1 : n;
	}
	if (!waited)
		log_error("config: await names no service");
	return waited > 0;
}
