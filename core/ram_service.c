/*
 * \brief  core's RAM service: the bank, core's and init's accounts, and
 *         creating and closing sessions
 */

#include <base/log.h>
#include <util/format.h>
#include <util/string.h>

#include "platform.h"
#include "ram_service.h"
#include "ram_session.h"

struct ram_session ram_sessions[RAM_SESSIONS_MAX];
struct entrypoint *ram_ep;

struct ram_bank ram_core_bank;
static struct ram_session core_account; /* root account; never served */
static struct ram_session *init_session;

static struct ram_session *
slot_alloc(void)
{
	for (unsigned i = 0; i < RAM_SESSIONS_MAX; i++)
		if (!ram_sessions[i].used)
			return &ram_sessions[i];
	return 0;
}

/* a new session starts empty: its creator gives it a ref and quota */
static status_t
ram_create(const struct arg_string *args, const char *label, cap_t *session)
{
	(void)args;
	struct ram_session *s = slot_alloc();
	if (!s) {
		log_error("RAM session for \"%s\": all %u sessions in use", label,
		          RAM_SESSIONS_MAX);
		return STATUS_OUT_OF_MEMORY;
	}
	status_t st = ram_session_setup(s, label, 0, 0);
	if (st == STATUS_OK)
		st = ram_session_serve(s);
	if (st != STATUS_OK) {
		log_error("RAM session for \"%s\": %s", label, status_name(st));
		return st;
	}
	*session = cap_raw(s->cap);
	return STATUS_OK;
}

static bool
ram_close(cap_t session)
{
	struct ram_session *s = ram_session_lookup(session);
	if (!s || s == init_session)
		return false; /* an environment session is never closed */
	ram_session_teardown(s);
	return true;
}

/* the environment session of init is its own account, not a session it pays for */
static bool
ram_upgrade(cap_t session, uint64_t amount)
{
	struct ram_session *s = ram_session_lookup(session);
	if (!s || s == init_session)
		return false;
	s->upgraded += amount;
	return true;
}

struct core_service core_ram_service = {
        .name = "RAM",
        .session_size = sizeof(struct ram_session),
        .create = ram_create,
        .close = ram_close,
        .upgrade = ram_upgrade,
};

status_t
core_ram_service_init(struct entrypoint *ep, uint64_t ram_size)
{
	static const struct ram_backing backing = {platform_ram_alloc, platform_ram_free, 0};
	ram_ep = ep;
	if (ram_size <= CORE_RAM_RESERVE)
		return STATUS_INVALID_ARGS;
	status_t s = ram_bank_init(&ram_core_bank, &backing);
	ram_bank_watch(&ram_core_bank, ram_bind_quota_changed, 0);
	if (s == STATUS_OK)
		s = ram_session_setup(&core_account, "core", ram_size, 0);
	init_session = slot_alloc();
	if (s == STATUS_OK)
		s = ram_session_setup(init_session, "init", 0, &core_account.acc);
	if (s == STATUS_OK)
		s = ram_session_serve(init_session);
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

void
core_ram_report(void)
{
	log_print("core: RAM bank: quota %llu, used %llu, dataspaces %lu, accounts %lu",
	          (unsigned long long)ram_core_bank.quota, (unsigned long long)ram_core_bank.used,
	          ram_core_bank.ds_count, ram_core_bank.accounts);
	report_one(&core_account);
	for (unsigned i = 0; i < RAM_SESSIONS_MAX; i++)
		if (ram_sessions[i].used)
			report_one(&ram_sessions[i]);
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
	for (unsigned i = 0; i < RAM_SESSIONS_MAX; i++)
		if (ram_sessions[i].used && &ram_sessions[i] != init_session)
			ram_session_teardown(&ram_sessions[i]);
	if (init_session && init_session->used)
		ram_session_teardown(init_session);
	init_session = 0;
}

void
core_ram_limits_tick(void)
{
	for (unsigned i = 0; i < RAM_SESSIONS_MAX; i++)
		if (ram_sessions[i].used)
			log_limit_tick(&ram_sessions[i].refusals, ram_sessions[i].label);
}
