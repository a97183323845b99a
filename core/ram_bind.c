/*
 * \brief  A RAM session's quota as the bound of one process's memory
 *
 * Genode charges everything of a component to its RAM quota. On a
 * platform where a process can take memory behind core's back (Linux:
 * anonymous mappings, brk, memfds of its own), the platform bounds it
 * instead, and core tells the platform the quota of the process's
 * environment RAM session whenever it changes: transfers either way, a
 * session donation, the close that refunds it (quota 0 then).
 *
 * A session bounds one process at most, or a parent could start many
 * processes on one quota.
 */

#include <stddef.h>

#include <base/log.h>

#include "platform.h"
#include "ram_service.h"
#include "ram_session.h"

/* every account of core's bank is the acc of a struct ram_session */
static struct ram_session *
session_of(struct ram_account *acc)
{
	return (struct ram_session *)(void *)((char *)acc - offsetof(struct ram_session, acc));
}

/* the sessions whose limit changed while held, each once */
static struct list held = LIST_INIT(held);
static bool holding;

void
ram_bind_quota_changed(void *ctx, struct ram_account *acc)
{
	(void)ctx;
	struct ram_session *s = session_of(acc);
	if (s->pd_bound && holding)
		list_insert_tail(&held, &s->held); /* no-op if it is there already */
	else if (s->pd_bound)
		platform_pd_memory_limit(s->pd, ram_account_quota(acc));
}

void
core_ram_limits_hold(void)
{
	holding = true;
}

void
core_ram_limits_release(void)
{
	struct list_elem *e;
	holding = false;
	while ((e = list_first(&held))) {
		struct ram_session *s = list_entry(e, struct ram_session, held);
		list_remove(e);
		if (s->pd_bound)
			platform_pd_memory_limit(s->pd, ram_account_quota(&s->acc));
	}
}

status_t
core_ram_bind_check(cap_t ram, const char *label, uint64_t *quota)
{
	struct ram_session *s = ram_session_lookup(ram);
	if (!s) {
		log_error("PD \"%s\": ram is not a RAM session of core", label);
		return STATUS_DENIED;
	}
	if (s->pd_bound) {
		log_error("PD \"%s\": RAM session \"%s\" bounds another process already", label,
		          s->label);
		return STATUS_CONFLICT;
	}
	*quota = ram_account_quota(&s->acc);
	return STATUS_OK;
}

void
core_ram_bind(cap_t ram, unsigned pd)
{
	struct ram_session *s = ram_session_lookup(ram);
	if (!s)
		return;
	s->pd_bound = true;
	s->pd = pd;
}

static void
unbind_if(struct ram_session *s, void *ctx)
{
	if (s->pd_bound && s->pd == *(const unsigned *)ctx)
		s->pd_bound = false;
}

void
core_ram_unbind(unsigned pd)
{
	ram_sessions_for_each(unbind_if, &pd);
}

void
core_ram_init_bind(unsigned pd)
{
	core_ram_bind(core_ram_init_session(), pd);
}

uint64_t
core_ram_init_quota(void)
{
	struct ram_session *s = ram_session_lookup(core_ram_init_session());
	return s ? ram_account_quota(&s->acc) : 0;
}
