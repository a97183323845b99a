/*
 * \brief  core's RAM service: the bank, core's and init's accounts, and
 *         creating and closing sessions
 */

#include <base/log.h>
#include <util/format.h>
#include <util/string.h>

#include "core_heap.h"
#include "platform.h"
#include "ram_service.h"
#include "ram_session.h"

struct entrypoint *ram_ep;

struct ram_bank ram_core_bank;
static struct ram_session core_account;  /* root account; never served */
static struct ram_session init_account;  /* init's environment session */
static struct ram_session *init_session; /* &init_account while init's is open */
/* of init_session's cap, taken once: every transfer looks init's session up */
static struct cap_key init_key;
static struct root_component ram_root; /* the sessions clients opened */

/* a new session starts empty: its creator gives it a ref and quota */
static status_t
ram_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	(void)ctx;
	(void)args;
	struct ram_session *s = ROOT_SESSION_ENTRY(base, struct ram_session, base);
	status_t st = ram_session_setup(s, base->label, 0, 0, true);
	if (st == STATUS_OK)
		st = ram_session_serve(s);
	if (st != STATUS_OK) {
		log_error("RAM session for \"%s\": %s", base->label, status_name(st));
		return st;
	}
	base->cap = cap_raw(s->cap);
	return STATUS_OK;
}

static void
ram_destroy(void *ctx, struct root_session *base)
{
	(void)ctx;
	ram_session_teardown(ROOT_SESSION_ENTRY(base, struct ram_session, base));
}

static const struct root_component_ops ram_root_ops = {
        .create = ram_create,
        .destroy = ram_destroy,
};

/* init's environment session is core's, not one init pays for: not in the root */
struct core_service core_ram_service = {
        .name = "RAM",
        .sessions = &ram_root,
};

struct ram_session *
ram_session_lookup(cap_t cap)
{
	struct cap_key key;
	if (cap_key_get(cap, &key) != STATUS_OK)
		return 0;
	struct root_session *b = root_component_find(&ram_root, &key);
	if (b)
		return ROOT_SESSION_ENTRY(b, struct ram_session, base);
	if (init_session && cap_key_compare(&init_key, &key) == 0)
		return init_session;
	return 0;
}

void
ram_sessions_for_each(void (*fn)(struct ram_session *s, void *ctx), void *ctx)
{
	if (init_session)
		fn(init_session, ctx);
	for (struct root_session *b = root_component_first(&ram_root); b; b = root_session_next(b))
		fn(ROOT_SESSION_ENTRY(b, struct ram_session, base), ctx);
}

status_t
core_ram_service_init(struct entrypoint *ep, uint64_t ram_size)
{
	static const struct ram_backing backing = {platform_ram_alloc, platform_ram_free, 0,
	                                           platform_ram_meta};
	ram_ep = ep;
	root_component_init(&ram_root, "RAM", sizeof(struct ram_session), &ram_root_ops, 0,
	                    core_heap());
	if (ram_size <= CORE_RAM_RESERVE)
		return STATUS_INVALID_ARGS;
	status_t s = ram_bank_init(&ram_core_bank, &backing);
	ram_bank_watch(&ram_core_bank, ram_bind_quota_changed, 0);
	if (s == STATUS_OK)
		s = ram_session_setup(&core_account, "core", ram_size, 0, false);
	init_session = &init_account;
	if (s == STATUS_OK)
		s = ram_session_setup(init_session, "init", 0, &core_account.acc, false);
	if (s == STATUS_OK)
		s = ram_session_serve(init_session);
	if (s == STATUS_OK)
		s = cap_key_get(cap_raw(init_session->cap), &init_key);
	if (s == STATUS_OK)
		s = ram_account_transfer(&core_account.acc, &init_session->acc,
		                         ram_size - CORE_RAM_RESERVE);
	if (s != STATUS_OK)
		return s;
	log_print("%llu MiB RAM assigned to init",
	          (unsigned long long)((ram_size - CORE_RAM_RESERVE) >> 20));
	return STATUS_OK;
}

cap_t
core_ram_init_session(void)
{
	return init_session ? cap_raw(init_session->cap) : cap_invalid();
}

status_t
core_ram_donation_take(uint64_t amount, uint64_t *avail)
{
	*avail = ram_account_avail(&init_session->acc);
	return ram_account_transfer(&init_session->acc, &core_account.acc, amount);
}

/* payer's account, if payer is a RAM session init is the reference of */
static struct ram_account *
payer_account(cap_t payer)
{
	struct ram_session *s = ram_session_lookup(payer);
	return s && s->acc.ref == &init_session->acc ? &s->acc : 0;
}

status_t
core_ram_payer_take(cap_t payer, uint64_t amount, uint64_t *avail)
{
	struct ram_account *acc = payer_account(payer);
	*avail = acc ? ram_account_avail(acc) : 0;
	return acc ? ram_account_transfer(acc, &init_session->acc, amount) : STATUS_DENIED;
}

status_t
core_ram_payer_give(cap_t payer, uint64_t amount)
{
	struct ram_account *acc = payer_account(payer);
	return acc ? ram_account_transfer(&init_session->acc, acc, amount) : STATUS_DENIED;
}

void
core_ram_donation_return(uint64_t amount)
{
	/* core took it, core has it: cannot fail unless the books are broken */
	if (ram_account_transfer(&core_account.acc, &init_session->acc, amount) != STATUS_OK)
		log_error("core: cannot return a donation of %llu bytes to init",
		          (unsigned long long)amount);
}

/* core's figures, and the platform's bound of the process beside them */
static void
report_one(const struct ram_session *s)
{
	struct platform_pd_memory m;
	char kernel[128] = "";
	if (s->pd_bound && platform_pd_memory(s->pd, &m))
		format_string(kernel, sizeof(kernel),
		              "; process: limit %llu, usage %llu, peak %llu, oom kills %llu",
		              (unsigned long long)m.limit, (unsigned long long)m.usage,
		              (unsigned long long)m.peak, (unsigned long long)m.oom_kills);
	log_print("  RAM \"%s\": quota %llu, used %llu, dataspaces %lu%s", s->label,
	          (unsigned long long)ram_account_quota(&s->acc),
	          (unsigned long long)ram_account_used(&s->acc), ram_account_ds_count(&s->acc),
	          kernel);
}

static void
report_each(struct ram_session *s, void *ctx)
{
	(void)ctx;
	report_one(s);
}

void
core_ram_report(void)
{
	log_print("core: RAM bank: quota %llu, used %llu, dataspaces %lu, accounts %lu",
	          (unsigned long long)ram_core_bank.quota, (unsigned long long)ram_core_bank.used,
	          ram_core_bank.ds_count, ram_core_bank.accounts);
	report_one(&core_account);
	ram_sessions_for_each(report_each, 0);
}

void
core_ram_totals(struct core_ram_totals *t)
{
	t->used = ram_core_bank.used;
	t->ds_count = ram_core_bank.ds_count;
	t->accounts = ram_core_bank.accounts;
}

void
core_ram_reclaim_all(void)
{
	root_component_close_all(&ram_root);
	if (init_session && init_session->used)
		ram_session_teardown(init_session);
	init_session = 0;
}

static void
limits_tick_each(struct ram_session *s, void *ctx)
{
	(void)ctx;
	log_limit_tick(&s->refusals, s->label);
}

void
core_ram_limits_tick(void)
{
	ram_sessions_for_each(limits_tick_each, 0);
}
