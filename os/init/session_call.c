/*
 * \brief  Calls to servers that init does not wait for
 *
 * A server may stop answering (stopped, looping, hostile). If init waited
 * for it, every other child would wait with it: a looping sibling would
 * not even be restarted. So each session request, upgrade and close that
 * may end at a child server (everything but the environment sessions,
 * session_env) is sent with ipc_call_async: the client's call is deferred
 * and its session record holds the call in flight and the reply until the
 * server answers or its end is seen. The same holds for calls to init's
 * parent, so that a nested init is not stopped by a server of its
 * parent's.
 *
 * What init keeps per call is the client's own session record and, for a
 * session request, its arguments, both paid by the client (child_meta.c);
 * init refuses what it cannot pay, naming the amounts. A record whose
 * client is gone (orphan) stays until its server answers or dies;
 * whatever it carried is then reclaimed for init.
 */

#include <base/log.h>
#include <parent/client.h>
#include <parent/server.h>
#include <root/client.h>
#include <util/format.h>

#include "child.h"
#include "session_call.h"

enum { UPGRADE_ARGS_MAX = 48 };

void (*child_calls_done)(void);

/* calls in flight to init's parent; those to a child are in its record */
static unsigned parent_in_flight;

static unsigned *
in_flight(int server)
{
	return server < 0 ? &parent_in_flight : &children[server].in_flight;
}

bool
server_same(const struct child_session *s)
{
	if (s->server < 0)
		return true;
	const struct child_state *srv = &children[s->server];
	return srv->running && srv->instance == s->server_instance;
}

const char *
server_name(const struct child_session *s)
{
	return s->server < 0 ? "init's parent" : config.children[s->server].name;
}

bool
status_gone(status_t st)
{
	return st == STATUS_PEER_GONE || st == STATUS_INVALID_CAP;
}

void
server_reclaim(const struct child_session *s, status_t st, uint64_t amount)
{
	/* init's parent gives a donation back to init's account itself */
	if (s->server >= 0 && !status_gone(st) && server_same(s))
		child_ram_reclaim((unsigned)s->server, amount);
}

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
	list_remove(&s->elem);
	child_meta_delete(s);
	if (child_calls_done)
		child_calls_done();
}

void
gone_log(const struct child_session *s)
{
	if (!child_refusal_admit(s->client))
		return;
	if (s->server < 0)
		log_error("\"%s\": service \"%s\" of init's parent is gone", s->client->cfg->name,
		          s->service);
	else
		log_error("\"%s\": service \"%s\" of child \"%s\" is gone", s->client->cfg->name,
		          s->service, server_name(s));
}

bool
child_calls_in_flight(void)
{
	for (unsigned i = 0; i < config.child_count; i++) {
		if (!list_elem_linked(&children[i].sessions.head))
			continue; /* never started */
		list_for_each(
		        e, &children[i].sessions) if (list_entry(e, struct child_session, elem)
		                                              ->busy != SESSION_IDLE) return true;
	}
	return false;
}

/* the object to call about s: its server's root or init's parent; false if gone */
static bool
record_target(const struct child_session *s, cap_t *dst)
{
	if (s->server < 0) {
		*dst = cap_raw(env_parent(init_env));
		return true;
	}
	const root_cap_t *root = child_announced_root((unsigned)s->server, s->service);
	if (!root || !server_same(s))
		return false;
	*dst = root->raw;
	return true;
}

/* the request for the call s->busy names */
static bool
record_encode(const struct child_session *s, struct rpc_msg *msg)
{
	bool parent = s->server < 0;
	char up[UPGRADE_ARGS_MAX];
	/* the child's RAM session pays and is refunded at init's parent (session_call_open.c) */
	if (s->busy == SESSION_OPENING && s->rider)
		return parent_session_paid_encode_call(msg, s->service, s->args, s->client->ram,
		                                       s->meta);
	if (s->busy == SESSION_CLOSING && s->rider && !s->orphan)
		return parent_close_paid_encode_call(msg, s->cap, s->client->ram, s->meta);
	if (s->busy == SESSION_OPENING) {
		const char *args = s->args;
		return parent ? parent_session_encode_call(msg, s->service, args)
		              : root_session_encode_call(msg, args);
	}
	if (s->busy == SESSION_UPGRADING) {
		/* only what was paid travels on, whatever else the child put in args */
		format_string(up, sizeof(up), "ram_quota=%llu", (unsigned long long)s->upgrade);
		return parent ? parent_upgrade_encode_call(msg, s->cap, up)
		              : root_upgrade_encode_call(msg, s->cap, up);
	}
	return parent ? parent_close_encode_call(msg, s->cap) : root_close_encode_call(msg, s->cap);
}

static void
record_finish(struct child_session *s, status_t st, struct rpc_msg *reply)
{
	if (s->busy == SESSION_OPENING)
		session_opened(s, st, reply);
	else if (s->busy == SESSION_UPGRADING)
		session_upgraded(s, st, reply);
	else
		session_closed(s, st, reply);
}

/* send the next queued calls to server (-1: the parent) while there is room */
static void
queue_pump(int server)
{
	for (unsigned i = 0; i < config.child_count; i++) {
		if (!list_elem_linked(&children[i].sessions.head))
			continue; /* never started */
		list_for_each_safe(e, &children[i].sessions)
		{
			struct child_session *r = list_entry(e, struct child_session, elem);
			if (*in_flight(server) >= CALLS_PER_SERVER_MAX)
				return;
			if (r->queued && r->server == server)
				record_start(r);
		}
	}
}

static void
record_done(void *arg, status_t st, struct rpc_msg *reply)
{
	struct child_session *s = arg;
	int server = s->server;
	(*in_flight(server))--;
	record_finish(s, st, reply);
	queue_pump(server);
}

/* the donation the call carries on to a child server, taken back if it fails */
static status_t
record_pass(struct child_session *s)
{
	uint64_t amount = s->busy == SESSION_OPENING     ? s->amount
	                  : s->busy == SESSION_UPGRADING ? s->upgrade
	                                                 : 0;
	if (s->server < 0 || s->passed || amount == 0)
		return STATUS_OK;
	status_t st = child_ram_pass((unsigned)s->server, amount);
	s->passed = st == STATUS_OK;
	return st;
}

void
record_start(struct child_session *s)
{
	struct rpc_msg msg;
	cap_t dst;
	s->queued = *in_flight(s->server) >= CALLS_PER_SERVER_MAX;
	if (s->queued)
		return;
	status_t st = STATUS_INVALID_CAP;
	if (record_target(s, &dst))
		st = record_encode(s, &msg) ? record_pass(s) : STATUS_INVALID_ARGS;
	if (st == STATUS_OK)
		st = ipc_call_async(env_ep(init_env), dst, &msg, record_done, s, &s->call);
	if (st == STATUS_OK)
		(*in_flight(s->server))++;
	else
		record_finish(s, st, 0);
}
