/*
 * \brief  Upgrades and closes that init forwards without waiting
 *
 * As for session requests (session_call_open.c): the record of the
 * session holds the call and the client's reply. The donation moves back
 * only when the server has answered, because only then has it freed what
 * the donation paid for; a child server that is gone has returned all of
 * its quota to init already, so init refunds the client from its own.
 */

#include <base/log.h>
#include <parent/client.h>
#include <parent/server.h>
#include <root/client.h>

#include "child.h"
#include "session_call.h"

void
session_closed(struct child_session *s, status_t st, struct rpc_msg *reply)
{
	if (st == STATUS_OK)
		st = s->server < 0 ? parent_close_decode_reply(reply)
		                   : root_close_decode_reply(reply);
	if (st != STATUS_OK && !status_gone(st) && child_refusal_admit(s->client))
		log_error("\"%s\": close of a %s session at \"%s\" failed: %s",
		          s->client->cfg->name, s->service, server_name(s), status_name(st));
	/* a close never sent leaves the session and what it was given at the server */
	/* a close the refund rode in (record_encode) has given it back at init's parent */
	bool refunded = s->rider && st == STATUS_OK;
	if (st != STATUS_WOULD_BLOCK) {
		server_reclaim(s, st, s->amount);
		if (!s->orphan && !refunded)
			child_ram_refund(s->client, s->amount + s->meta);
	}
	record_answer(s, STATUS_OK, cap_invalid());
	record_free(s);
}

void
session_call_close(struct child_session *s, struct rpc_reply_handle *reply)
{
	s->busy = SESSION_CLOSING;
	if (reply) {
		s->reply = *reply;
		s->replying = true;
	}
	record_start(s);
}

static void
upgrade_denied(const struct child_session *s, status_t st)
{
	if (status_gone(st))
		gone_log(s);
	else if (!child_refusal_admit(s->client))
		return;
	else if (s->server < 0)
		log_error("%s: upgrade of %s session refused by the parent: %s",
		          s->client->cfg->name, s->service, status_name(st));
	else
		log_error("%s: upgrade of %s session denied by \"%s\": %s", s->client->cfg->name,
		          s->service, server_name(s), status_name(st));
}

void
session_upgraded(struct child_session *s, status_t st, struct rpc_msg *reply)
{
	if (st == STATUS_OK)
		st = s->server < 0 ? parent_upgrade_decode_reply(reply)
		                   : root_upgrade_decode_reply(reply);
	if (st == STATUS_OK) {
		s->amount += s->upgrade;
	} else {
		if (!s->orphan)
			upgrade_denied(s, st);
		if (s->passed)
			server_reclaim(s, st, s->upgrade);
		if (!s->orphan)
			child_ram_refund(s->client, s->upgrade);
	}
	record_answer(s, status_gone(st) ? STATUS_UNAVAILABLE : st, cap_invalid());
	s->busy = SESSION_IDLE;
	s->upgrade = 0;
	s->passed = false;
	if (s->orphan)
		session_call_close(s, 0);
}

void
session_call_upgrade(struct child_session *s, uint64_t amount, struct rpc_reply_handle *reply)
{
	s->busy = SESSION_UPGRADING;
	s->upgrade = amount;
	s->reply = *reply;
	s->replying = true;
	record_start(s);
}
