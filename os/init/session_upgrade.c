/*
 * \brief  A child's upgrade of one of its sessions
 *
 * Genode's Child::upgrade: the amount moves from the client's RAM session
 * to init and on to whoever made the session, init's parent (which pays
 * core or its own parent the same way) or the serving child's RAM session
 * (its root then learns of it). The session's record grows by the amount,
 * so the close gives back initial donation and upgrades together.
 */

#include <base/log.h>
#include <parent/client.h>
#include <root/client.h>
#include <root/session_args.h>
#include <util/format.h>

#include "child.h"

enum { UPGRADE_ARGS_MAX = 48 };

status_t
child_session_upgrade(struct child_state *c, struct child_session *s, const char *args,
                      struct rpc_call *call)
{
	char fwd[UPGRADE_ARGS_MAX];
	uint64_t amount = 0;
	struct rpc_reply_handle reply;
	if (s->busy != SESSION_IDLE) {
		log_error("\"%s\": upgrade of a %s session that is still waiting for its server",
		          c->cfg->name, s->service);
		return STATUS_DENIED;
	}
	status_t st = session_upgrade_amount(s->service, args, c->cfg->name, &amount);
	if (st == STATUS_OK)
		st = child_ram_donate_upgrade(c, s->service, amount);
	if (st != STATUS_OK)
		return st;
	/* only what was paid travels on, whatever else the child put in args */
	format_string(fwd, sizeof(fwd), "ram_quota=%llu", (unsigned long long)amount);
	if (session_env(s->service)) {
		st = parent_upgrade(env_parent(init_env), s->cap, fwd);
		if (st != STATUS_OK)
			if (child_refusal_admit(c))
				log_error("%s: upgrade of %s session refused by the parent: %s",
				          c->cfg->name, s->service, status_name(st));
	} else if ((st = rpc_reply_defer(call, &reply)) == STATUS_OK) {
		/* the server answers the client (session_call_end.c) */
		session_call_upgrade(s, amount, &reply);
		return STATUS_OK;
	}
	if (st != STATUS_OK) {
		child_ram_refund(c, amount);
		return st;
	}
	s->amount += amount;
	return STATUS_OK;
}
