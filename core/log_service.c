/*
 * \brief  core's LOG service: each line of a write becomes a labeled console line
 *
 * The label is the one core composed when the session was opened, so a
 * component cannot choose under which name its lines appear; a newline in
 * the text starts a new line under the same label and control bytes are
 * shown escaped (core_log_labeled), so no text can pose as another's line.
 */

#include <base/log.h>
#include <log_session/server.h>
#include <util/string.h>

#include "core_log.h"
#include "core_service.h"

enum { LOG_SESSIONS_MAX = 128 };

struct log_session {
	bool used;
	struct rpc_object rpc;
	log_session_cap_t cap; /* OWNED; the client got a copy */
	uint64_t upgraded;     /* upgrades on record: a LOG session keeps nothing more */
	char label[CORE_LABEL_MAX];
};

static struct entrypoint *log_ep;
static struct log_session sessions[LOG_SESSIONS_MAX];

static status_t
log_write(void *ctx, struct rpc_call *call, const char *text, uint32_t *written)
{
	(void)call;
	struct log_session *s = ctx;
	size_t len = str_len(text);
	core_log_labeled(s->label, text, len);
	*written = (uint32_t)len;
	return STATUS_OK;
}

static const struct log_session_ops log_ops = {.write = log_write};

static status_t
log_create(const struct arg_string *args, const char *label, cap_t *session)
{
	(void)args;
	struct log_session *s = 0;
	for (unsigned i = 0; i < LOG_SESSIONS_MAX && !s; i++)
		if (!sessions[i].used)
			s = &sessions[i];
	if (!s) {
		log_error("LOG session for \"%s\": all %u sessions in use", label,
		          LOG_SESSIONS_MAX);
		return STATUS_OUT_OF_MEMORY;
	}
	s->rpc = (struct rpc_object){0};
	s->upgraded = 0;
	str_copy(s->label, label, sizeof(s->label));
	status_t st = log_session_manage(log_ep, &s->rpc, &log_ops, s, &s->cap);
	if (st != STATUS_OK)
		return st;
	s->used = true;
	*session = cap_raw(s->cap);
	return STATUS_OK;
}

static bool
log_close(cap_t session)
{
	for (unsigned i = 0; i < LOG_SESSIONS_MAX; i++) {
		struct log_session *s = &sessions[i];
		if (s->used && cap_same(cap_raw(s->cap), session)) {
			entrypoint_dissolve(log_ep, &s->rpc);
			cap_close(cap_raw(s->cap));
			s->used = false;
			return true;
		}
	}
	return false;
}

static bool
log_upgrade(cap_t session, uint64_t amount)
{
	for (unsigned i = 0; i < LOG_SESSIONS_MAX; i++) {
		struct log_session *s = &sessions[i];
		if (s->used && cap_same(cap_raw(s->cap), session)) {
			s->upgraded += amount;
			return true;
		}
	}
	return false;
}

struct core_service core_log_service = {
        .name = "LOG",
        .session_size = sizeof(struct log_session),
        .create = log_create,
        .close = log_close,
        .upgrade = log_upgrade,
};

void
core_log_service_init(struct entrypoint *ep)
{
	log_ep = ep;
}
