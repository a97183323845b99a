/*
 * \brief  Calls to a child server's root that init does not wait for
 *
 * A child server may stop answering (stopped, looping, hostile). If init
 * waited for its root, every other child would wait with it: a looping
 * sibling would not even be restarted. So each session request, upgrade
 * and close that goes to a child server is sent with ipc_call_async: the
 * client's call is deferred, and its session record holds the call in
 * flight and the reply until the server answers or its end is seen.
 *
 * Bounds: what init keeps per call is the client's own session record
 * (CHILD_SESSIONS_MAX per child, all counted), and at most
 * CHILD_OPENING_MAX session requests of one child are in flight at once;
 * beyond that init refuses, naming the child. A record whose client is
 * gone (orphan) stays until its server answers or dies, then whatever it
 * carried (donation, session) is reclaimed for init.
 */

#include <base/log.h>
#include <parent/server.h>
#include <root/client.h>
#include <util/arg_string.h>
#include <util/string.h>

#include "child.h"
#include "session_call.h"

enum { CHILD_OPENING_MAX = 8 };

bool
server_same(const struct child_session *s)
{
	const struct child_state *srv = &children[s->server];
	return srv->running && srv->instance == s->server_instance;
}

const char *
server_name(const struct child_session *s)
{
	return config.children[s->server].name;
}

/* give back to the server's account what it was passed, unless it is gone */
void
record_reclaim(const struct child_session *s, status_t st, uint64_t amount)
{
	if (st != STATUS_PEER_GONE && st != STATUS_INVALID_CAP && server_same(s))
		child_ram_reclaim((unsigned)s->server, amount);
}

/* answer the client if it still waits; its instance may be gone */
void
record_answer(struct child_session *s, status_t st, cap_t session)
{
	if (!s->replying)
		return;
	s->replying = false;
	if (s->busy == SESSION_UPGRADING)
		parent_upgrade_reply(&s->reply, st);
	else if (s->busy == SESSION_CLOSING)
		parent_close_reply(&s->reply, st);
	else
		parent_session_reply(&s->reply, st, session);
}

void
record_free(struct child_session *s)
{
	if (cap_valid(s->cap))
		cap_close(s->cap);
	s->cap = cap_invalid();
	s->used = false;
	s->busy = SESSION_IDLE;
}

void
gone_log(const struct child_session *s, status_t st)
{
	if (st == STATUS_PEER_GONE || st == STATUS_INVALID_CAP)
		log_error("\"%s\": service \"%s\" of child \"%s\" is gone", s->client->cfg->name,
		          s->service, server_name(s));
}

static void
opened(void *arg, status_t st, struct rpc_msg *reply)
{
	struct child_session *s = arg;
	cap_t cap = cap_invalid();
	if (st == STATUS_OK)
		st = root_session_decode_reply(reply, &cap);
	if (st == STATUS_OK) {
		s->cap = cap;
		record_answer(s, STATUS_OK, cap);
		s->busy = SESSION_IDLE;
		if (s->orphan) /* nobody wants it any more */
			session_call_close(s, 0);
		return;
	}
	if (!s->orphan && st != STATUS_PEER_GONE && st != STATUS_INVALID_CAP)
		log_error("%s: session request for service \"%s\" denied by \"%s\": %s",
		          s->client->cfg->name, s->service, server_name(s), status_name(st));
	else if (!s->orphan)
		gone_log(s, st);
	record_reclaim(s, st, s->amount);
	if (!s->orphan)
		child_ram_refund(s->client, s->amount);
	record_answer(s, st == STATUS_PEER_GONE ? STATUS_UNAVAILABLE : st, cap_invalid());
	record_free(s);
}

static unsigned
opening_count(const struct child_state *c)
{
	unsigned n = 0;
	for (unsigned i = 0; i < CHILD_SESSIONS_MAX; i++)
		n += c->sessions[i].used && c->sessions[i].busy == SESSION_OPENING &&
		     !c->sessions[i].orphan;
	return n;
}

static struct child_session *
record_alloc(struct child_state *c)
{
	if (opening_count(c) >= CHILD_OPENING_MAX) {
		log_error("\"%s\": too many session requests outstanding (%u at most)",
		          c->cfg->name, (unsigned)CHILD_OPENING_MAX);
		return 0;
	}
	for (unsigned i = 0; i < CHILD_SESSIONS_MAX; i++)
		if (!c->sessions[i].used)
			return &c->sessions[i];
	log_error("%s: too many sessions", c->cfg->name);
	return 0;
}

/* the record of a session request of c at server, not yet sent */
static struct child_session *
record_open(struct child_state *c, unsigned server, const char *service, uint64_t amount)
{
	struct child_session *s = record_alloc(c);
	if (!s)
		return 0;
	*s = (struct child_session){.used = true,
	                            .cap = cap_invalid(),
	                            .server = (int)server,
	                            .server_instance = children[server].instance,
	                            .amount = amount,
	                            .busy = SESSION_OPENING,
	                            .client = c};
	str_copy(s->service, service, sizeof(s->service));
	return s;
}

/* ram_quota and label of labeled args (checked by label_prefix already) */
static uint64_t
donation_of(const char *args, char *label, size_t label_size)
{
	struct arg_string a;
	struct arg_error err;
	uint64_t amount = 0;
	label[0] = 0;
	if (arg_string_init(&a, args, str_len(args), &err) == STATUS_OK) {
		(void)arg_string_get_string(&a, "label", label, label_size);
		(void)arg_string_get_size(&a, "ram_quota", 0, &amount);
	}
	return amount;
}

/* send the request of s; false (undone, not answered) if it cannot go */
static status_t
open_send(struct child_session *s, const char *args)
{
	struct rpc_msg msg;
	const root_cap_t *root = child_announced_root((unsigned)s->server, s->service);
	if (!root)
		return STATUS_INVALID_CAP;
	if (!root_session_encode_call(&msg, args))
		return STATUS_INVALID_ARGS;
	status_t st = child_ram_pass((unsigned)s->server, s->amount);
	if (st != STATUS_OK)
		return st;
	st = ipc_call_async(env_ep(init_env), root->raw, &msg, opened, s, &s->call);
	if (st != STATUS_OK)
		record_reclaim(s, STATUS_OK, s->amount);
	return st;
}

void
session_call_open(struct child_state *c, unsigned server, const char *service, const char *args,
                  struct rpc_reply_handle *reply)
{
	char label[PARENT_SESSION_ARGS_MAX + 1];
	uint64_t amount = donation_of(args, label, sizeof(label));
	struct child_session *s = record_open(c, server, service, amount);
	status_t st = s ? child_ram_donate(c, service, label, amount) : STATUS_OUT_OF_MEMORY;
	if (st != STATUS_OK) {
		if (s)
			s->used = false;
		parent_session_reply(reply, st, cap_invalid());
		return;
	}
	st = open_send(s, args);
	if (st == STATUS_OK) {
		s->reply = *reply;
		s->replying = true;
		return;
	}
	if (st == STATUS_WOULD_BLOCK)
		log_error("\"%s\": service \"%s\" of child \"%s\" does not take requests",
		          c->cfg->name, service, server_name(s));
	else
		gone_log(s, st);
	child_ram_refund(c, amount);
	s->used = false;
	parent_session_reply(reply, st == STATUS_INVALID_CAP ? STATUS_UNAVAILABLE : st,
	                     cap_invalid());
}
