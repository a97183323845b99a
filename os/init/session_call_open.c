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
#include <root/client.h>
#include <util/arg_string.h>
#include <util/string.h>

#include "child.h"
#include "session_call.h"

static void
args_free(struct child_session *s)
{
	s->client->open_args_used[s->args_slot] = false;
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

void
session_opened(struct child_session *s, status_t st, struct rpc_msg *reply)
{
	cap_t cap = cap_invalid();
	if (st == STATUS_OK)
		st = s->server < 0 ? parent_session_decode_reply(reply, &cap)
		                   : root_session_decode_reply(reply, &cap);
	args_free(s);
	if (st == STATUS_OK) {
		s->cap = cap;
		s->passed = false; /* the donation is the session's now */
		record_answer(s, STATUS_OK, cap);
		s->busy = SESSION_IDLE;
		if (s->orphan) /* nobody wants it any more */
			session_call_close(s, 0);
		return;
	}
	open_refusal_log(s, st);
	if (s->passed)
		server_reclaim(s, st, s->amount);
	if (!s->orphan)
		child_ram_refund(s->client, s->amount);
	record_answer(s, status_gone(st) ? STATUS_UNAVAILABLE : st, cap_invalid());
	record_free(s);
}

static unsigned
opening_count(const struct child_state *c)
{
	unsigned n = 0;
	for (unsigned i = 0; i < CHILD_SESSIONS_MAX; i++)
		n += c->sessions[i].used && c->sessions[i].busy == SESSION_OPENING;
	return n;
}

/* the record of a session request of c at server, its args kept, not yet sent */
static struct child_session *
record_open(struct child_state *c, int server, const char *service, const char *args)
{
	unsigned slot = 0;
	while (slot < CHILD_OPENING_MAX && c->open_args_used[slot])
		slot++;
	if (slot == CHILD_OPENING_MAX || opening_count(c) >= CHILD_OPENING_MAX) {
		if (child_refusal_admit(c))
			log_error("\"%s\": too many session requests outstanding (%u at most)",
			          c->cfg->name, (unsigned)CHILD_OPENING_MAX);
		return 0;
	}
	for (unsigned i = 0; i < CHILD_SESSIONS_MAX; i++) {
		struct child_session *s = &c->sessions[i];
		if (s->used)
			continue;
		*s = (struct child_session){.used = true,
		                            .cap = cap_invalid(),
		                            .server = server,
		                            .server_instance =
		                                    server < 0 ? 0 : children[server].instance,
		                            .busy = SESSION_OPENING,
		                            .args_slot = (uint8_t)slot,
		                            .client = c};
		str_copy(s->service, service, sizeof(s->service));
		str_copy(c->open_args[slot], args, sizeof(c->open_args[slot]));
		c->open_args_used[slot] = true;
		return s;
	}
	if (child_refusal_admit(c))
		log_error("%s: too many sessions", c->cfg->name);
	return 0;
}

void
session_call_open(struct child_state *c, int server, const char *service, const char *args,
                  struct rpc_reply_handle *reply)
{
	char label[PARENT_SESSION_ARGS_MAX + 1];
	uint64_t amount = session_args_donation(args, label, sizeof(label));
	struct child_session *s = record_open(c, server, service, args);
	status_t st = s ? child_ram_donate(c, service, label, amount) : STATUS_OUT_OF_MEMORY;
	if (st != STATUS_OK) {
		if (s) {
			args_free(s);
			s->used = false;
		}
		parent_session_reply(reply, st, cap_invalid());
		return;
	}
	s->amount = amount;
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
