/*
 * \brief  Upgrades and closes at a child server that init does not wait for
 *
 * As for session requests (session_call.c): the record of the session
 * holds the call in flight and the client's reply. The donation moves
 * back only when the server has answered, because only then has it freed
 * what the donation paid for; a server that is gone has returned all of
 * its quota to init already, so init refunds the client from its own.
 */

#include <base/log.h>
#include <parent/server.h>
#include <root/client.h>

#include "child.h"
#include "session_call.h"

static void
closed(void *arg, status_t st, struct rpc_msg *reply)
{
	struct child_session *s = arg;
	if (st == STATUS_OK)
		st = root_close_decode_reply(reply);
	record_reclaim(s, st, s->amount);
	if (!s->orphan)
		child_ram_refund(s->client, s->amount);
	record_answer(s, STATUS_OK, cap_invalid());
	record_free(s);
}

void
session_call_close(struct child_session *s, struct rpc_reply_handle *reply)
{
	struct rpc_msg msg;
	const root_cap_t *root = child_announced_root((unsigned)s->server, s->service);
	s->busy = SESSION_CLOSING;
	if (reply) {
		s->reply = *reply;
		s->replying = true;
	}
	status_t st = STATUS_INVALID_CAP;
	if (server_same(s) && root && root_close_encode_call(&msg, s->cap))
		st = ipc_call_async(env_ep(init_env), root->raw, &msg, closed, s, &s->call);
	if (st == STATUS_OK)
		return;
	if (st == STATUS_INVALID_CAP) { /* gone: its quota came back to init */
		closed(s, STATUS_PEER_GONE, 0);
		return;
	}
	/* it holds the session and what it was given for it: no refund */
	log_error("\"%s\": close of a %s session at child \"%s\" failed: %s", s->client->cfg->name,
	          s->service, server_name(s), status_name(st));
	record_answer(s, STATUS_OK, cap_invalid());
	record_free(s);
}

/* the upgrade of s ended with st; reclaim: the server holds the amount */
static void
upgrade_end(struct child_session *s, status_t st, bool reclaim)
{
	if (st == STATUS_OK) {
		s->amount += s->upgrade;
	} else {
		if (st == STATUS_PEER_GONE || st == STATUS_INVALID_CAP)
			gone_log(s, st);
		else
			log_error("%s: upgrade of %s session denied by \"%s\": %s",
			          s->client->cfg->name, s->service, server_name(s),
			          status_name(st));
		if (reclaim)
			record_reclaim(s, st, s->upgrade);
		if (!s->orphan)
			child_ram_refund(s->client, s->upgrade);
	}
	bool gone = st == STATUS_PEER_GONE || st == STATUS_INVALID_CAP;
	record_answer(s, gone ? STATUS_UNAVAILABLE : st, cap_invalid());
	s->busy = SESSION_IDLE;
	s->upgrade = 0;
	if (s->orphan)
		session_call_close(s, 0);
}

static void
upgraded(void *arg, status_t st, struct rpc_msg *reply)
{
	struct child_session *s = arg;
	if (st == STATUS_OK)
		st = root_upgrade_decode_reply(reply);
	upgrade_end(s, st, true);
}

void
session_call_upgrade(struct child_session *s, uint64_t amount, const char *args,
                     struct rpc_reply_handle *reply)
{
	struct rpc_msg msg;
	const root_cap_t *root = child_announced_root((unsigned)s->server, s->service);
	status_t st = STATUS_INVALID_CAP;
	s->busy = SESSION_UPGRADING;
	s->upgrade = amount;
	s->reply = *reply;
	s->replying = true;
	if (server_same(s) && root && root_upgrade_encode_call(&msg, s->cap, args))
		st = child_ram_pass((unsigned)s->server, amount);
	if (st == STATUS_OK) {
		st = ipc_call_async(env_ep(init_env), root->raw, &msg, upgraded, s, &s->call);
		if (st == STATUS_OK)
			return;
		record_reclaim(s, STATUS_OK, amount);
	}
	upgrade_end(s, st, false);
}

void
session_call_orphan(struct child_session *s)
{
	s->orphan = true;
	record_answer(s, STATUS_UNAVAILABLE, cap_invalid());
	if (s->busy == SESSION_IDLE)
		session_call_close(s, 0);
}
