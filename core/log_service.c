/*
 * \brief  core's LOG service: each line of a write becomes a labeled console line
 *
 * The label is the one core composed when the session was opened, so a
 * component cannot choose under which name its lines appear; a newline in
 * the text starts a new line under the same label and control bytes are
 * shown escaped (core_log_labeled), so no text can pose as another's line.
 * The sessions are a root component's (include/root/component.h): each is
 * paid from its client's donation, and there is no limit to their number.
 */

#include <base/log.h>
#include <log_session/server.h>
#include <util/string.h>

#include "core_heap.h"
#include "core_log.h"
#include "core_service.h"

struct log_session {
	struct root_session base; /* label, capability, budget */
	struct rpc_object rpc;
};

static struct entrypoint *log_ep;
static struct root_component log_root;

static status_t
log_write(void *ctx, struct rpc_call *call, const char *text, uint32_t *written)
{
	(void)call;
	struct log_session *s = ctx;
	size_t len = str_len(text);
	core_log_labeled(s->base.label, text, len);
	*written = (uint32_t)len;
	return STATUS_OK;
}

static const struct log_session_ops log_ops = {.write = log_write};

static status_t
log_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	(void)ctx;
	(void)args;
	struct log_session *s = ROOT_SESSION_ENTRY(base, struct log_session, base);
	log_session_cap_t cap;
	status_t st = log_session_manage(log_ep, &s->rpc, &log_ops, s, &cap);
	if (st == STATUS_OK)
		base->cap = cap_raw(cap);
	return st;
}

static void
log_destroy(void *ctx, struct root_session *base)
{
	(void)ctx;
	entrypoint_dissolve(log_ep, &ROOT_SESSION_ENTRY(base, struct log_session, base)->rpc);
}

static const struct root_component_ops log_root_ops = {
        .create = log_create,
        .destroy = log_destroy,
};

struct core_service core_log_service = {
        .name = "LOG",
        .sessions = &log_root,
};

void
core_log_service_init(struct entrypoint *ep)
{
	log_ep = ep;
	root_component_init(&log_root, "LOG", sizeof(struct log_session), &log_root_ops, 0,
	                    core_heap());
}
