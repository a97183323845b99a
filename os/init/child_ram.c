/*
 * \brief  A child's RAM: its quantum and the quota it donates for sessions
 *
 * Each child gets a RAM session at core (opened through init's parent, so
 * init pays core's metadata for it) with init's own session as reference
 * account, and its quantum is transferred from init's quota. A quantum
 * larger than what init has left minus INIT_RAM_RESERVE is saturated with
 * a warning. When the child is gone its session is closed and core gives
 * all of its quota back to init.
 *
 * Session donations follow Genode's Child::session: ram_quota moves from
 * the child to init and, for a child server, on to the server; a core
 * service keeps it at core (core's parent object takes it from init).
 */

#include <base/log.h>
#include <parent/client.h>
#include <ram_session/connection.h>
#include <util/format.h>

#include "child.h"

/* what init keeps for its own metadata and the RAM sessions of later children */
enum { INIT_RAM_RESERVE = 512 * 1024 };

static ram_session_cap_t
init_ram(void)
{
	return env_ram(init_env);
}

uint64_t
child_ram_spare(void)
{
	uint64_t avail = ram_session_avail(init_ram());
	return avail > INIT_RAM_RESERVE ? avail - INIT_RAM_RESERVE : 0;
}

static uint64_t
quantum_grant(const struct child_state *c)
{
	uint64_t want = c->cfg->ram_quota, can = child_ram_spare();
	if (want <= can)
		return want;
	log_warning("child \"%s\": RAM quota of %llu bytes exceeds what init has left, "
	            "granted %llu",
	            c->cfg->name, (unsigned long long)want, (unsigned long long)can);
	return can;
}

bool
child_ram_create(struct child_state *c)
{
	char args[96];
	cap_t raw = cap_invalid();
	format_string(args, sizeof(args), "%s, label=\"%s\"", RAM_SESSION_ARGS, c->cfg->name);
	status_t s = parent_session(env_parent(init_env), "RAM", args, &raw);
	c->ram = CAP_TYPED(ram_session_cap_t, raw);
	if (s == STATUS_OK) {
		c->ram_open = true;
		s = ram_session_ref_account(c->ram, init_ram());
	}
	if (s == STATUS_OK)
		s = ram_session_transfer_quota(init_ram(), c->ram, quantum_grant(c));
	if (s != STATUS_OK) {
		log_error("child \"%s\": no RAM session: %s", c->cfg->name, status_name(s));
		child_ram_destroy(c);
	}
	return s == STATUS_OK;
}

void
child_ram_destroy(struct child_state *c)
{
	if (!c->ram_open)
		return;
	/* core returns the whole quota to init, the reference account */
	parent_close(env_parent(init_env), cap_raw(c->ram));
	cap_close(cap_raw(c->ram));
	c->ram_open = false;
}

status_t
child_ram_donate_upgrade(struct child_state *c, const char *service, uint64_t amount)
{
	if (amount == 0)
		return STATUS_OK;
	if (c->ram_open && ram_session_transfer_quota(c->ram, init_ram(), amount) == STATUS_OK)
		return STATUS_OK;
	if (child_refusal_admit(c))
		log_error("%s: upgrade of %s session denied: ram_quota %llu exceeds available %llu",
		          c->cfg->name, service, (unsigned long long)amount,
		          (unsigned long long)(c->ram_open ? ram_session_avail(c->ram) : 0));
	return STATUS_QUOTA_EXCEEDED;
}

void
child_ram_refund(struct child_state *c, uint64_t amount)
{
	if (amount && c->ram_open)
		(void)ram_session_transfer_quota(init_ram(), c->ram, amount);
}

status_t
child_ram_pass(unsigned server, uint64_t amount)
{
	struct child_state *srv = &children[server];
	if (amount == 0)
		return STATUS_OK;
	if (!srv->ram_open)
		return STATUS_UNAVAILABLE;
	return ram_session_transfer_quota(init_ram(), srv->ram, amount);
}

void
child_ram_reclaim(unsigned server, uint64_t amount)
{
	struct child_state *srv = &children[server];
	if (amount == 0 || !srv->ram_open)
		return; /* a server that is gone returned everything already */
	if (ram_session_transfer_quota(srv->ram, init_ram(), amount) != STATUS_OK)
		log_warning("Misbehaving server \"%s\": cannot return a donation of %llu bytes",
		            srv->cfg->name, (unsigned long long)amount);
}
