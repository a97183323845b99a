/*
 * \brief  A session request that init forwards without waiting
 *
 * The client's donation moves to init at once (or the request is refused
 * as before), then on to a child server when the request goes out; the
 * client's call is answered when the server has (session_call.c).
 */

#include <base/log.h>
#include <root/session_args.h>
#include <parent/client.h>
#include <parent/server.h>
#include <parent/session_record.h>
#include <root/client.h>
#include <util/arg_string.h>
#include <util/string.h>

#include "child.h"
#include "session_call.h"

/* the args are freed once sent; what they cost comes back with the record's */
static void
args_free(struct child_session *s)
{
	child_meta_delete(s->args);
	s->args = 0;
}

/* why the request of s was refused, within its client's budget of lines */
static void
open_refusal_log(struct child_session *s, status_t st)
{
	if (s->orphan)
		return;
	if (status_gone(st)) {
		gone_log(s);
		return;
	}
	/* init's parent names its own refusals */
	if ((s->server < 0 && st != STATUS_WOULD_BLOCK) || !child_refusal_admit(s->client))
		return;
	if (st == STATUS_WOULD_BLOCK)
		log_error("\"%s\": service \"%s\" of \"%s\" takes no requests",
		          s->client->cfg->name, s->service, server_name(s));
	else
		log_error("%s: session request for service \"%s\" denied by \"%s\": %s",
		          s->client->cfg->name, s->service, server_name(s), status_name(st));
}

/*
 * Whether init's parent takes a child's donation riding in the request
 * (parent.rpc session_paid; core does). A parent that refuses the method
 * (a nested init's parent is an init) gets separate transfers from then on.
 */
static bool parent_takes_riders = true;

/* the rider was refused as a method: pay as before and send it again */
static bool
rider_refused(struct child_session *s, status_t st, const struct rpc_msg *reply)
{
	if (!s->rider || st != STATUS_PROTOCOL || !reply || s->orphan)
		return false;
	char label[PARENT_SESSION_ARGS_MAX + 1];
	uint64_t amount = session_args_donation(s->args, label, sizeof(label));
	parent_takes_riders = false;
	if (child_meta_pay(s->client, s->service, label, amount, s->meta) != STATUS_OK)
		return false; /* refused as a child that cannot pay: nothing moved */
	s->rider = false;
	record_start(s);
	return true;
}

/* a request the child's donation rode in was refused: core gave it back */
static void
rider_refusal_log(struct child_session *s, status_t st)
{
	char label[PARENT_SESSION_ARGS_MAX + 1];
	uint64_t amount = session_args_donation(s->args, label, sizeof(label));
	if (st == STATUS_QUOTA_EXCEEDED && !s->orphan)
		(void)child_meta_refusal(s->client, s->service, label, amount, s->meta);
}

void
session_opened(struct child_session *s, status_t st, struct rpc_msg *reply)
{
	cap_t cap = cap_invalid();
	if (st == STATUS_OK && s->rider)
		st = parent_session_paid_decode_reply(reply, &cap);
	else if (st == STATUS_OK)
		st = s->server < 0 ? parent_session_decode_reply(reply, &cap)
		                   : root_session_decode_reply(reply, &cap);
	if (st != STATUS_OK && rider_refused(s, st, reply))
		return;
	if (st != STATUS_OK && s->rider)
		rider_refusal_log(s, st);
	args_free(s);
	if (st == STATUS_OK) {
		s->cap = cap;
		(void)cap_key_get(cap, &s->key); /* a cap without one is never found */
		s->passed = false;               /* the donation is the session's now */
		record_answer(s, STATUS_OK, cap);
		s->busy = SESSION_IDLE;
		if (s->orphan) /* nobody wants it any more */
			session_call_close(s, 0);
		return;
	}
	open_refusal_log(s, st);
	if (s->passed)
		server_reclaim(s, st, s->amount);
	if (!s->orphan && !s->rider)
		child_ram_refund(s->client, s->amount + s->meta);
	record_answer(s, status_gone(st) ? STATUS_UNAVAILABLE : st, cap_invalid());
	record_free(s);
}

/*
 * A request's args are kept in a buffer of the protocol's maximum, so that
 * what a session costs does not depend on the length of its label: two
 * children that do the same pay the same (run/upgrade_nested.run
 * compares a server's quota with its idle twin's)
 */
enum { ARGS_SIZE = PARENT_SESSION_ARGS_MAX + 1 };

/*
 * what init keeps for a request: its record and a copy of the args; for
 * a session at init's parent also the parent's record of it, which the
 * parent charges to init (parent/session_record.h)
 */
uint64_t
child_session_open_cost(int server)
{
	uint64_t own = child_meta_cost(sizeof(struct child_session)) + child_meta_cost(ARGS_SIZE);
	return server < 0 ? own + PARENT_SESSION_RECORD_COST : own;
}

/*
 * the record of a session request of c at server (c paid meta), its args
 * kept, not yet sent, at *out; else the status of init's heap
 */
static status_t
record_open(struct child_state *c, int server, const char *service, const char *args, uint64_t meta,
            struct child_session **out)
{
	void *mem = 0, *copy = 0;
	status_t st = child_meta_new(c, sizeof(struct child_session), &mem);
	if (st == STATUS_OK)
		st = child_meta_new(c, ARGS_SIZE, &copy);
	if (st != STATUS_OK) {
		child_meta_delete(mem);
		return st;
	}
	struct child_session *s = mem;
	*s = (struct child_session){.cap = cap_invalid(),
	                            .server = server,
	                            .server_instance = server < 0 ? 0 : children[server].instance,
	                            .meta = meta,
	                            .busy = SESSION_OPENING,
	                            .args = copy,
	                            .client = c};
	str_copy(s->service, service, sizeof(s->service));
	str_copy(copy, args, ARGS_SIZE);
	list_insert_tail(&c->sessions, &s->elem);
	*out = s;
	return STATUS_OK;
}

void
session_call_open(struct child_state *c, int server, const char *service, const char *args,
                  struct rpc_reply_handle *reply)
{
	char label[PARENT_SESSION_ARGS_MAX + 1];
	uint64_t amount = session_args_donation(args, label, sizeof(label));
	uint64_t meta = child_session_open_cost(server);
	struct child_session *s = 0;
	/* for init's parent, the donation and the record ride in the request */
	bool rider = server < 0 && parent_takes_riders && c->ram_open;
	status_t st = rider ? STATUS_OK : child_meta_pay(c, service, label, amount, meta);
	if (st == STATUS_OK &&
	    (st = record_open(c, server, service, args, meta, &s)) != STATUS_OK && !rider)
		child_ram_refund(c, amount + meta);
	if (st != STATUS_OK) {
		parent_session_reply(reply, st, cap_invalid());
		return;
	}
	s->amount = amount;
	s->rider = rider;
	s->reply = *reply;
	s->replying = true;
	record_start(s);
}

void
session_call_orphan(struct child_session *s)
{
	s->orphan = true;
	record_answer(s, STATUS_UNAVAILABLE, cap_invalid());
	if (s->queued && s->busy == SESSION_OPENING) {
		/* never sent: nothing at the server, the donation stays with init */
		args_free(s);
		record_free(s);
		return;
	}
	if (s->queued && s->busy == SESSION_UPGRADING) {
		s->busy = SESSION_IDLE; /* the same: only its close must still go out */
		s->upgrade = 0;
		s->passed = false;
	}
	if (s->busy == SESSION_IDLE)
		session_call_close(s, 0);
}
