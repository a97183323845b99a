/*
 * \brief  core's SIGNAL service: signal contexts charged to their session
 *
 * A context is a kernel object (core/platform.h; base-linux: an eventfd)
 * that core creates on a client's request and keeps a copy of, so that
 * core alone decides how many a component has: each costs
 * SIGNAL_SESSION_CONTEXT_COST of the session's donation, which pays for
 * core's record of it (signal_context.h) and what the platform keeps for
 * it within the rest (doc/porting.md), and closing the session (or the
 * client's death) takes every one back. The sessions are a root
 * component's (include/root/component.h): there is no table of sessions
 * or contexts for all, only what each donation pays for. core counts the
 * submits that reach it, saturating (signal_count.h), and leaves waking
 * the receiver and the fetch to the platform (doc/signals.md).
 */

#include <base/log.h>
#include <base/signal_backing.h>
#include <signal_session/connection.h>
#include <signal_session/server.h>
#include <util/string.h>

#include "core_heap.h"
#include "core_service.h"
#include "platform.h"
#include "signal_context.h"
#include "signal_service.h"

struct signal_session {
	struct root_session base; /* label, capability, budget */
	struct rpc_object rpc;
	unsigned long count;        /* of its signal_records */
	struct rate_limit refusals; /* the session's budget of refusal lines */
};

_Static_assert(SIGNAL_RECORD_HEAP_COST <= SIGNAL_SESSION_CONTEXT_COST,
               "a context's charge covers core's record of it");

static struct entrypoint *signal_ep;
static struct root_component signal_root;

static const char *
label_of(const struct signal_session *s)
{
	return s->base.label;
}

/* the record of context (OWNED by the caller, closed here), or 0 and a warning */
static struct signal_record *
record_of_arg(struct signal_session *s, signal_context_cap_t context, const char *what)
{
	struct signal_record *r = signal_record_find(cap_raw(context));
	cap_close(cap_raw(context));
	if (!r && log_limit_admit(&s->refusals, label_of(s)))
		log_warning("SIGNAL \"%s\": %s an unknown signal context", label_of(s), what);
	return r;
}

/* the record of context if s owns it, else 0 and a warning */
static struct signal_record *
owned_of_arg(struct signal_session *s, signal_context_cap_t context, const char *what, status_t *st)
{
	struct signal_record *r = record_of_arg(s, context, what);
	*st = r ? STATUS_OK : STATUS_INVALID_ARGS;
	if (r && r->owner != s) {
		if (log_limit_admit(&s->refusals, label_of(s)))
			log_warning("SIGNAL \"%s\": %s a signal context it does not own refused",
			            label_of(s), what);
		*st = STATUS_DENIED;
		r = 0;
	}
	return r;
}

static status_t
signal_alloc_context(void *ctx, struct rpc_call *call, uint64_t imprint,
                     signal_context_cap_t *context, signal_page_cap_t *page)
{
	(void)call;
	struct signal_session *s = ctx;
	if (root_session_charge(&s->base, SIGNAL_SESSION_CONTEXT_COST) != STATUS_OK) {
		if (log_limit_admit(&s->refusals, label_of(s)))
			log_warning("SIGNAL \"%s\": quota exceeded: a context needs %u bytes, "
			            "available %llu of ram_quota %llu (%lu contexts)",
			            label_of(s), SIGNAL_SESSION_CONTEXT_COST,
			            (unsigned long long)root_session_available(&s->base),
			            (unsigned long long)s->base.quota, s->count);
		return STATUS_QUOTA_EXCEEDED;
	}
	struct signal_record *r;
	(void)imprint; /* the client's: delivered by the platform, never by core */
	status_t st = signal_record_create(s, &r);
	if (st != STATUS_OK) {
		root_session_refund(&s->base, SIGNAL_SESSION_CONTEXT_COST);
		log_error("SIGNAL \"%s\": no context: %s", label_of(s), status_name(st));
		return st;
	}
	s->count++;
	*context = CAP_TYPED(signal_context_cap_t, r->context); /* BORROWED by the reply */
	*page = CAP_TYPED(signal_page_cap_t, r->page);
	return STATUS_OK;
}

static void
context_release(struct signal_session *s, struct signal_record *r)
{
	signal_record_destroy(r);
	root_session_refund(&s->base, SIGNAL_SESSION_CONTEXT_COST);
	s->count--;
}

/* context is OWNED by the handler (received capability) */
static status_t
signal_free_context(void *ctx, struct rpc_call *call, signal_context_cap_t context)
{
	(void)call;
	status_t st;
	struct signal_record *r = owned_of_arg(ctx, context, "free of", &st);
	if (r)
		context_release(ctx, r);
	return st;
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
		platform_signal_wake(r->context, r->page, &r->count);
	return STATUS_OK;
}

/* only the owner fetches: another session would steal its counts */
static status_t
signal_take_rpc(void *ctx, struct rpc_call *call, signal_context_cap_t context, uint32_t *num)
{
	(void)call;
	status_t st;
	struct signal_record *r = owned_of_arg(ctx, context, "take from", &st);
	*num = r ? platform_signal_take(r->context, r->page, &r->count) : 0;
	return st;
}

/* any session may ask, as for submit: holding the capability is the authority */
static status_t
signal_page_rpc(void *ctx, struct rpc_call *call, signal_context_cap_t context,
                signal_page_cap_t *page)
{
	(void)call;
	struct signal_record *r = record_of_arg(ctx, context, "page of");
	if (!r)
		return STATUS_INVALID_ARGS;
	if (!cap_valid(r->page))
		return STATUS_UNAVAILABLE;
	*page = CAP_TYPED(signal_page_cap_t, r->page); /* BORROWED by the reply */
	return STATUS_OK;
}

static const struct signal_session_ops signal_ops = {
        .alloc_context = signal_alloc_context,
        .free_context = signal_free_context,
        .submit = signal_submit_rpc,
        .take = signal_take_rpc,
        .page = signal_page_rpc,
};

static status_t
signal_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	(void)ctx;
	(void)args;
	struct signal_session *s = ROOT_SESSION_ENTRY(base, struct signal_session, base);
	signal_session_cap_t cap;
	status_t st = signal_session_manage(signal_ep, &s->rpc, &signal_ops, s, &cap);
	if (st == STATUS_OK)
		base->cap = cap_raw(cap);
	return st;
}

static void
signal_destroy(void *ctx, struct root_session *base)
{
	(void)ctx;
	struct signal_session *s = ROOT_SESSION_ENTRY(base, struct signal_session, base);
	log_limit_flush(&s->refusals, label_of(s));
	unsigned long n = signal_record_destroy_all(s);
	root_session_refund(&s->base, n * SIGNAL_SESSION_CONTEXT_COST);
	s->count -= n;
	entrypoint_dissolve(signal_ep, &s->rpc);
}

static const struct root_component_ops signal_root_ops = {
        .create = signal_create,
        .destroy = signal_destroy,
};

struct core_service core_signal_service = {
        .name = "SIGNAL",
        .sessions = &signal_root,
};

void
core_signal_limits_tick(void)
{
	for (struct root_session *b = root_component_first(&signal_root); b;
	     b = root_session_next(b)) {
		struct signal_session *s = ROOT_SESSION_ENTRY(b, struct signal_session, base);
		log_limit_tick(&s->refusals, label_of(s));
	}
}

/*
 * core's own submits (a child's exit, a page fault) go through the signal
 * library like a component's, and a platform's library may want to know
 * what a context shares (base-linux: its count page). A component asks
 * core's SIGNAL session; core answers itself, from its records. It makes
 * no contexts through the library.
 */
static status_t
core_backing_alloc(void *arg, void *imprint, cap_t *ctx, cap_t *page)
{
	(void)arg;
	(void)imprint;
	(void)ctx;
	(void)page;
	return STATUS_UNAVAILABLE;
}

static void
core_backing_release(void *arg, cap_t ctx)
{
	(void)arg;
	cap_close(ctx);
}

static status_t
core_backing_page(void *arg, cap_t ctx, cap_t *page)
{
	(void)arg;
	struct signal_record *r = signal_record_find(ctx);
	if (!r)
		return STATUS_INVALID_ARGS;
	return cap_valid(r->page) ? cap_dup(r->page, page) : STATUS_UNAVAILABLE;
}

static const struct signal_backing core_backing = {core_backing_alloc, core_backing_release,
                                                   core_backing_page, 0};

void
core_signal_service_init(struct entrypoint *ep)
{
	signal_ep = ep;
	signal_backing_set(&core_backing);
	root_component_init(&signal_root, "SIGNAL", sizeof(struct signal_session), &signal_root_ops,
	                    0, core_heap());
}

unsigned long
core_signal_report(void)
{
	for (struct root_session *b = root_component_first(&signal_root); b;
	     b = root_session_next(b)) {
		struct signal_session *s = ROOT_SESSION_ENTRY(b, struct signal_session, base);
		log_print("  SIGNAL \"%s\": quota %llu, used %llu, contexts %lu", label_of(s),
		          (unsigned long long)b->quota,
		          (unsigned long long)(s->count * SIGNAL_SESSION_CONTEXT_COST), s->count);
	}
	return signal_record_count();
}
