/*
 * \brief  core's SIGNAL service: signal contexts charged to their session
 *
 * A context is a kernel object (core/platform.h; base-linux: an eventfd)
 * that core creates on a client's request and keeps a copy of, so that
 * core alone decides how many a component has: each costs
 * SIGNAL_SESSION_CONTEXT_COST of the session's donation, and closing the
 * session (or the client's death) takes every one back. core counts the
 * submits that reach it, saturating (signal_count.h), and leaves waking
 * the receiver and the fetch to the platform (doc/signals.md). Records
 * come from one table for all sessions; the quota check, not the table,
 * is what bounds a client.
 */

#include <base/internal/signal_count.h>
#include <base/log.h>
#include <signal_session/connection.h>
#include <signal_session/server.h>
#include <util/string.h>

#include "core_service.h"
#include "platform.h"
#include "signal_service.h"

enum { SIGNAL_SESSIONS_MAX = 128, SIGNAL_CONTEXTS_MAX = 4096 };

struct signal_session {
	bool used;
	struct rpc_object rpc;
	signal_session_cap_t cap; /* OWNED; the client got a copy */
	uint64_t quota;           /* the donation minus the session's own state */
	uint64_t charged;         /* SIGNAL_SESSION_CONTEXT_COST per context */
	unsigned long contexts;
	struct rate_limit refusals; /* the session's budget of refusal lines */
	char label[CORE_LABEL_MAX];
};

struct signal_record {
	struct signal_session *owner; /* NULL: free */
	cap_t context;                /* OWNED; the client got a copy */
	uint64_t imprint;
	struct signal_count count; /* submits through core not yet handed on */
};

_Static_assert(sizeof(struct signal_record) <= SIGNAL_SESSION_CONTEXT_COST,
               "a context's charge covers core's record of it");

static struct entrypoint *signal_ep;
static struct signal_session sessions[SIGNAL_SESSIONS_MAX];
static struct signal_record records[SIGNAL_CONTEXTS_MAX];

/* the record of the context behind cap (BORROWED), whoever owns it */
static struct signal_record *
record_find(cap_t cap)
{
	for (unsigned i = 0; i < SIGNAL_CONTEXTS_MAX; i++)
		if (records[i].owner && platform_signal_context_same(records[i].context, cap))
			return &records[i];
	return 0;
}

static void
record_release(struct signal_record *r)
{
	struct signal_session *s = r->owner;
	cap_close(r->context);
	s->charged -= SIGNAL_SESSION_CONTEXT_COST;
	s->contexts--;
	*r = (struct signal_record){0};
}

static struct signal_record *
record_take(struct signal_session *s)
{
	for (unsigned i = 0; i < SIGNAL_CONTEXTS_MAX; i++)
		if (!records[i].owner)
			return &records[i];
	log_error("SIGNAL \"%s\": all %u contexts of core in use", s->label, SIGNAL_CONTEXTS_MAX);
	return 0;
}

/* the record of context (OWNED by the caller, closed here), or 0 and a warning */
static struct signal_record *
record_of_arg(struct signal_session *s, signal_context_cap_t context, const char *what)
{
	struct signal_record *r = record_find(cap_raw(context));
	cap_close(cap_raw(context));
	if (!r && log_limit_admit(&s->refusals, s->label))
		log_warning("SIGNAL \"%s\": %s an unknown signal context", s->label, what);
	return r;
}

static status_t
signal_alloc_context(void *ctx, struct rpc_call *call, uint64_t imprint,
                     signal_context_cap_t *context)
{
	(void)call;
	struct signal_session *s = ctx;
	if (s->quota - s->charged < SIGNAL_SESSION_CONTEXT_COST) {
		if (log_limit_admit(&s->refusals, s->label))
			log_warning("SIGNAL \"%s\": quota exceeded: a context needs %u bytes, "
			            "available %llu of ram_quota %llu (%lu contexts)",
			            s->label, SIGNAL_SESSION_CONTEXT_COST,
			            (unsigned long long)(s->quota - s->charged),
			            (unsigned long long)s->quota, s->contexts);
		return STATUS_QUOTA_EXCEEDED;
	}
	struct signal_record *r = record_take(s);
	if (!r)
		return STATUS_OUT_OF_MEMORY;
	status_t st = platform_signal_context_alloc(&r->context);
	if (st != STATUS_OK) {
		log_error("SIGNAL \"%s\": no context: %s", s->label, status_name(st));
		return st;
	}
	r->owner = s;
	r->imprint = imprint;
	s->charged += SIGNAL_SESSION_CONTEXT_COST;
	s->contexts++;
	*context = CAP_TYPED(signal_context_cap_t, r->context); /* BORROWED by the reply */
	return STATUS_OK;
}

/* context is OWNED by the handler (received capability) */
static status_t
signal_free_context(void *ctx, struct rpc_call *call, signal_context_cap_t context)
{
	(void)call;
	struct signal_session *s = ctx;
	struct signal_record *r = record_of_arg(s, context, "free of");
	if (!r)
		return STATUS_INVALID_ARGS;
	if (r->owner != s) {
		if (log_limit_admit(&s->refusals, s->label))
			log_warning(
			        "SIGNAL \"%s\": free of a signal context it does not own refused",
			        s->label);
		return STATUS_DENIED;
	}
	record_release(r);
	return STATUS_OK;
}

/* core counts; the platform wakes the receiver at 0 -> pending */
static status_t
signal_submit_rpc(void *ctx, struct rpc_call *call, signal_context_cap_t context, uint32_t count)
{
	(void)call;
	struct signal_record *r = record_of_arg(ctx, context, "submit to");
	if (!r)
		return STATUS_INVALID_ARGS;
	if (signal_count_add(&r->count, count))
		platform_signal_wake(r->context, &r->count);
	return STATUS_OK;
}

/* only the owner fetches: another session would steal its counts */
static status_t
signal_take_rpc(void *ctx, struct rpc_call *call, signal_context_cap_t context, uint32_t *num)
{
	(void)call;
	struct signal_session *s = ctx;
	struct signal_record *r = record_of_arg(s, context, "take from");
	*num = 0;
	if (!r)
		return STATUS_INVALID_ARGS;
	if (r->owner != s) {
		if (log_limit_admit(&s->refusals, s->label))
			log_warning("SIGNAL \"%s\": take from a signal context it does not own "
			            "refused",
			            s->label);
		return STATUS_DENIED;
	}
	*num = platform_signal_take(r->context, &r->count);
	return STATUS_OK;
}

static const struct signal_session_ops signal_ops = {
        .alloc_context = signal_alloc_context,
        .free_context = signal_free_context,
        .submit = signal_submit_rpc,
        .take = signal_take_rpc,
};

static struct signal_session *
session_alloc(const char *label)
{
	for (unsigned i = 0; i < SIGNAL_SESSIONS_MAX; i++)
		if (!sessions[i].used)
			return &sessions[i];
	log_error("SIGNAL session for \"%s\": all %u sessions in use", label, SIGNAL_SESSIONS_MAX);
	return 0;
}

static status_t
signal_create(const struct arg_string *args, const char *label, cap_t *session)
{
	uint64_t donated = 0;
	/* session_quota_check made sure that it parses and covers the session */
	(void)arg_string_get_size(args, "ram_quota", 0, &donated);
	struct signal_session *s = session_alloc(label);
	if (!s)
		return STATUS_OUT_OF_MEMORY;
	*s = (struct signal_session){0};
	s->quota = donated - sizeof(struct signal_session);
	str_copy(s->label, label, sizeof(s->label));
	status_t st = signal_session_manage(signal_ep, &s->rpc, &signal_ops, s, &s->cap);
	if (st != STATUS_OK)
		return st;
	s->used = true;
	*session = cap_raw(s->cap);
	return STATUS_OK;
}

static bool
signal_close(cap_t session)
{
	for (unsigned i = 0; i < SIGNAL_SESSIONS_MAX; i++) {
		struct signal_session *s = &sessions[i];
		if (!s->used || !cap_same(cap_raw(s->cap), session))
			continue;
		log_limit_flush(&s->refusals, s->label);
		for (unsigned k = 0; k < SIGNAL_CONTEXTS_MAX && s->contexts; k++)
			if (records[k].owner == s)
				record_release(&records[k]);
		entrypoint_dissolve(signal_ep, &s->rpc);
		cap_close(cap_raw(s->cap));
		s->used = false;
		return true;
	}
	return false;
}

/* an upgrade pays for more contexts */
static bool
signal_upgrade(cap_t session, uint64_t amount)
{
	for (unsigned i = 0; i < SIGNAL_SESSIONS_MAX; i++) {
		struct signal_session *s = &sessions[i];
		if (!s->used || !cap_same(cap_raw(s->cap), session))
			continue;
		s->quota = s->quota + amount < s->quota ? UINT64_MAX : s->quota + amount;
		return true;
	}
	return false;
}

struct core_service core_signal_service = {
        .name = "SIGNAL",
        .session_size = sizeof(struct signal_session),
        .create = signal_create,
        .close = signal_close,
        .upgrade = signal_upgrade,
};

void
core_signal_limits_tick(void)
{
	for (unsigned i = 0; i < SIGNAL_SESSIONS_MAX; i++)
		if (sessions[i].used)
			log_limit_tick(&sessions[i].refusals, sessions[i].label);
}

void
core_signal_service_init(struct entrypoint *ep)
{
	signal_ep = ep;
}

unsigned long
core_signal_report(void)
{
	unsigned long total = 0;
	for (unsigned i = 0; i < SIGNAL_SESSIONS_MAX; i++) {
		const struct signal_session *s = &sessions[i];
		if (!s->used)
			continue;
		log_print("  SIGNAL \"%s\": quota %llu, used %llu, contexts %lu", s->label,
		          (unsigned long long)s->quota, (unsigned long long)s->charged,
		          s->contexts);
		total += s->contexts;
	}
	return total;
}
