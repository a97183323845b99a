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
#include <parent/session_record.h>
#include <root/cap_index.h>
#include <root/session_args.h>
#include <util/format.h>
#include <util/string.h>

#include "core_heap.h"
#include "core_service.h"
#include "init_parent.h"
#include "ram_service.h"

/*
 * A session init opened at core, what init paid for it, and for whom.
 * The records are blocks of core's heap, as many as init has sessions
 * open: no table. init pays for each (DONATION_RECORD_COST, taken from
 * its account with the session's ram_quota and given back at the close):
 * the record is core's bookkeeping of a request init made, init is the one
 * client of this parent object, and the session's own donation belongs to
 * the service that made it.
 */
struct donation {
	struct cap_index_entry entry; /* in donations, by session */
	cap_t session;                /* BORROWED from the service that made it */
	uint64_t amount;
	const char *service; /* static: the core_service's name */
	char label[CORE_LABEL_MAX];
};

#define DONATION_RECORD_COST \
	(((sizeof(struct donation) + HEAP_ALIGN - 1) / HEAP_ALIGN + 2) * HEAP_ALIGN)

/* init charges its child this much for core's record (include/parent/session_record.h) */
_Static_assert(DONATION_RECORD_COST <= PARENT_SESSION_RECORD_COST,
               "core's record of a session exceeds what init charges for it");

static struct rpc_object init_parent_obj;
static struct init_parent_state *state;
static struct cap_index donations;

static struct donation *
donation_find(cap_t session)
{
	struct cap_index_entry *e = cap_index_lookup(&donations, session);
	return e ? CAP_INDEX_ENTRY(e, struct donation, entry) : 0;
}

/* forget d and give init what it paid: the donation and the record */
static void
donation_release(struct donation *d)
{
	cap_index_remove(&donations, &d->entry);
	core_ram_donation_return(d->amount + DONATION_RECORD_COST);
	heap_free(core_heap(), d);
}

/* the label core gives the session: "init" or "init -> <label>" */
static void
label_compose_init(char *out, size_t size, const char *label)
{
	if (label[0])
		format_string(out, size, "init -> %s", label);
	else
		format_string(out, size, "init");
}

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

/* open the session init paid for; d (OWNED, uninitialized) becomes its record */
static status_t
session_open(const char *service, const char *args, const char *label, uint64_t amount,
             struct donation *d, cap_t *session)
{
	log_limit_scope(&state->refusals, "init");
	status_t s = core_session_request(service, args, "init", session);
	log_limit_scope(0, 0);
	if (s == STATUS_OK) {
		*d = (struct donation){.session = *session,
		                       .amount = amount,
		                       .service = core_service_name(service)};
		label_compose_init(d->label, sizeof(d->label), label);
		/* cannot fail: the service made the capability, and for no one else */
		s = cap_index_insert(&donations, &d->entry, *session);
		cap_t copy; /* core_session_close CONSUMES; *session is the service's */
		if (s != STATUS_OK && cap_dup(*session, &copy) == STATUS_OK)
			(void)core_session_close(copy);
	}
	if (s != STATUS_OK) {
		core_ram_donation_return(amount + DONATION_RECORD_COST);
		heap_free(core_heap(), d);
	}
	return s;
}

/*
 * init pays each session's ram_quota from its own account; core keeps it
 * until the session closes. init's environment RAM session is not opened
 * but handed out (Genode's Env::ram_session).
 */
static status_t
init_parent_session(void *ctx, struct rpc_call *call, const char *service, const char *args,
                    cap_t *session)
{
	(void)ctx;
	(void)call;
	if (str_equal(service, "Env::ram_session")) {
		*session = core_ram_init_session();
		return STATUS_OK;
	}
	if (str_equal(service, "Env::cpu_session")) {
		/* init's own: made on its first request, at the top priority */
		service = "CPU";
		args = "ram_quota=4K, priority=0x0";
	}
	char label[CORE_LABEL_MAX];
	uint64_t avail = 0, amount = session_args_donation(args, label, sizeof(label));
	void *mem;
	if (heap_alloc(core_heap(), sizeof(struct donation), &mem) != STATUS_OK) {
		log_error("init: %s session for \"%s\" denied: core's heap is exhausted", service,
		          label);
		return STATUS_OUT_OF_MEMORY;
	}
	if (amount > UINT64_MAX - DONATION_RECORD_COST ||
	    core_ram_donation_take(amount + DONATION_RECORD_COST, &avail) != STATUS_OK) {
		log_error("init: %s session for \"%s\" denied: ram_quota %llu and core's record of "
		          "the session (%u bytes) exceed init's available %llu",
		          service, label, (unsigned long long)amount,
		          (unsigned)DONATION_RECORD_COST, (unsigned long long)avail);
		heap_free(core_heap(), mem);
		return STATUS_QUOTA_EXCEEDED;
	}
	return session_open(service, args, label, amount, mem, session);
}

/*
 * A child's donation riding in init's request (parent.rpc session_paid):
 * core takes ram_quota and init's record of it (keep) from the child's
 * RAM session, keep stays with init, and the session is opened as by
 * init_parent_session, which takes ram_quota and core's record from init.
 * Refused, the child has it all back. One call instead of a transfer, the
 * request, and on refusal a refund. A child that cannot pay is init's to
 * name (with its own budget of lines), so core says nothing about it.
 */
static status_t
init_parent_session_paid(void *ctx, struct rpc_call *call, const char *service, const char *args,
                         ram_session_cap_t payer, uint64_t keep, cap_t *session)
{
	char label[CORE_LABEL_MAX];
	uint64_t avail = 0, amount = session_args_donation(args, label, sizeof(label));
	status_t s = STATUS_QUOTA_EXCEEDED;
	/* the environment sessions are handed out: nothing to pay for */
	core_ram_limits_hold(); /* init's limit once, for the net change */
	if (str_has_prefix(service, "Env::"))
		s = STATUS_DENIED;
	else if (amount <= UINT64_MAX - keep)
		s = core_ram_payer_take(cap_raw(payer), amount + keep, &avail);
	if (s == STATUS_OK) {
		s = init_parent_session(ctx, call, service, args, session);
		if (s != STATUS_OK)
			(void)core_ram_payer_give(cap_raw(payer), amount + keep);
	}
	core_ram_limits_release();
	cap_close(cap_raw(payer));
	return s;
}

/*
 * init pays an upgrade from its account, like the session itself; the
 * donation grows by it, so that the close returns initial and upgrades.
 */
static status_t
donation_upgrade(struct donation *d, cap_t session, const char *args)
{
	uint64_t amount = 0, avail = 0;
	status_t s = session_upgrade_amount(d->service, args, d->label, &amount);
	if (s != STATUS_OK)
		return s;
	if (core_ram_donation_take(amount, &avail) != STATUS_OK) {
		log_error("init: upgrade of %s session for \"%s\" denied: ram_quota %llu exceeds "
		          "init's available %llu",
		          d->service, d->label, (unsigned long long)amount,
		          (unsigned long long)avail);
		return STATUS_QUOTA_EXCEEDED;
	}
	s = core_session_upgrade(d->service, session, amount, d->label);
	if (s != STATUS_OK) {
		core_ram_donation_return(amount);
		return s;
	}
	d->amount += amount;
	return STATUS_OK;
}

/* only what init opened here (and paid for) can grow: not its own RAM session */
static status_t
init_parent_upgrade(void *ctx, struct rpc_call *call, cap_t session, const char *args)
{
	(void)ctx;
	(void)call;
	struct donation *d = donation_find(session);
	status_t s = STATUS_NOT_FOUND;
	if (d)
		s = donation_upgrade(d, session, args);
	else
		log_error("init: upgrade of a session for \"init\" denied: core does not know the "
		          "session (service unknown)");
	cap_close(session);
	return s;
}

static status_t
init_parent_close(void *ctx, struct rpc_call *call, cap_t session)
{
	(void)ctx;
	(void)call;
	struct donation *d = donation_find(session);
	status_t s = core_session_close(session);
	if (d && s == STATUS_OK)
		donation_release(d);
	return s;
}

/*
 * The close of a session opened by session_paid: what core gave init back
 * (the donation with its upgrades, and core's record) goes on to the child
 * with keep of init's. If the child's RAM session is gone already, it all
 * stays with init, which gets the child's whole quota back anyway.
 */
static status_t
init_parent_close_paid(void *ctx, struct rpc_call *call, cap_t session, ram_session_cap_t payer,
                       uint64_t keep)
{
	struct donation *d = donation_find(session);
	uint64_t amount = d ? d->amount : 0;
	core_ram_limits_hold(); /* init's limit once, for the net change */
	status_t s = init_parent_close(ctx, call, session);
	if (s == STATUS_OK && amount <= UINT64_MAX - keep)
		(void)core_ram_payer_give(cap_raw(payer), amount + keep);
	core_ram_limits_release();
	cap_close(cap_raw(payer));
	return s;
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
        .session_paid = init_parent_session_paid,
        .close_paid = init_parent_close_paid,
        .exit = init_parent_exit,
};

status_t
init_parent_create(struct entrypoint *ep, struct init_parent_state *s, parent_cap_t *cap)
{
	state = s;
	cap_index_init(&donations);
	return parent_manage(ep, &init_parent_obj, &init_parent_ops, 0, cap);
}

void
init_parent_limits_tick(void)
{
	if (state)
		log_limit_tick(&state->refusals, "init");
}

void
init_parent_reclaim(void)
{
	unsigned open = 0;
	if (state)
		log_limit_flush(&state->refusals, "init");
	struct cap_index_entry *e;
	while ((e = cap_index_first(&donations))) {
		struct donation *d = CAP_INDEX_ENTRY(e, struct donation, entry);
		cap_t copy;
		open++;
		/* core_session_close CONSUMES: hand it a copy of the service's own */
		if (cap_dup(d->session, &copy) == STATUS_OK)
			(void)core_session_close(copy);
		donation_release(d);
	}
	log_print("core: %u sessions of init closed after its exit", open);
	core_ram_reclaim_all();
}

static struct donation *
donation_next(const struct donation *d)
{
	struct cap_index_entry *e = d ? cap_index_next(&d->entry) : cap_index_first(&donations);
	return e ? CAP_INDEX_ENTRY(e, struct donation, entry) : 0;
}

/* one line per label: how many sessions of each service it holds */
static void
report_label(const struct donation *first)
{
	char line[256];
	size_t len = format_string(line, sizeof(line), "  sessions of \"%s\":", first->label);
	for (unsigned k = 0; core_services[k]; k++) {
		unsigned n = 0;
		for (const struct donation *d = first; d; d = donation_next(d))
			n += d->service == core_services[k]->name &&
			     str_equal(d->label, first->label);
		if (n && len < sizeof(line))
			len += format_string(line + len, sizeof(line) - len, " %s %u",
			                     core_services[k]->name, n);
	}
	log_print("%s", line);
}

/* the first record of d's label is d: no line printed for the label yet */
static bool
label_first(const struct donation *d)
{
	for (const struct donation *e = donation_next(0); e != d; e = donation_next(e))
		if (str_equal(e->label, d->label))
			return false;
	return true;
}

unsigned
init_parent_sessions_report(void)
{
	unsigned open = 0;
	for (const struct donation *d = donation_next(0); d; d = donation_next(d)) {
		open++;
		if (label_first(d))
			report_label(d);
	}
	return open;
}
