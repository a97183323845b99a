/*
 * \brief  Routing a child's session request
 *
 * The decision comes from init_route_resolve (config/route.h). init then
 * puts the child's name in front of the label, always, so a child can
 * never pose as another one, and forwards the request to its own parent
 * or to the root the serving child announced, without waiting for either
 * (session_call_open.c). A request for a service that is routed to a
 * child which has not announced it yet (10.05+), or that nobody announced
 * yet (10.02), is deferred: the client stays blocked until the
 * announcement, as in Genode's init. Unless it never comes: a server that
 * ended for good, a route to the asker itself, and a wait that would close
 * a cycle of children waiting for each other are refused by name. A CPU
 * session is not routed at all (cpu_route.c), nor are the other
 * environment sessions (session_env).
 */

#include <base/log.h>
#include <root/session_args.h>
#include <parent/client.h>
#include <parent/server.h>
#include <parent/session_record.h>
#include <pd_session/host_access.h>
#include <root/client.h>
#include <util/arg_string.h>
#include <util/format.h>
#include <util/string.h>

#include "child.h"
#include "config/route.h"

enum { ARGS_MAX = PARENT_SESSION_ARGS_MAX + 1 };

/*
 * A request waiting for an announcement, paid by the client like every
 * record init keeps for it (child_meta.c): its quota bounds how many.
 */
struct pending {
	struct list_elem elem; /* in pending_list */
	struct child_state *client;
	int server; /* the child it waits for, -1: whoever announces it (10.02) */
	init_name_t service;
	char args[ARGS_MAX];
	struct rpc_reply_handle reply;
};

static struct list pending_list = LIST_INIT(pending_list);

child_route_policy_fn child_route_policy;

/* its client is still there whenever one is freed (session_route_drop) */
static void
pending_free(struct pending *p)
{
	list_remove(&p->elem);
	child_ram_refund(p->client, child_meta_cost(sizeof(*p)));
	child_meta_delete(p);
}

/* the answer 10.02 gives: what has been announced so far */
static bool
route_announced(void *ctx, unsigned child, const char *service)
{
	(void)ctx;
	return child_announced_root(child, service) != 0;
}

/* the parent's policy (launchpad's), or else the config's routes */
static struct init_route_decision
route_decide(const struct child_state *c, const struct init_route_request *req)
{
	if (child_route_policy)
		return child_route_policy(c, req);
	return init_route_resolve_request(
	        &config, c->index, req,
	        config.syntax == INIT_CONFIG_SYNTAX_10_02 ? route_announced : 0, 0);
}

/* label="<child>" or label="<child> -> <label>", whatever the child sent */
static status_t
label_prefix(struct child_state *c, const char *args, struct arg_string *out)
{
	struct arg_error err;
	char given[ARGS_MAX], label[ARGS_MAX];
	if (arg_string_init(out, args, str_len(args), &err) != STATUS_OK ||
	    arg_string_get_string(out, "label", given, sizeof(given)) == STATUS_OUT_OF_MEMORY) {
		if (child_refusal_admit(c))
			log_error("%s: malformed session arguments", c->cfg->name);
		return STATUS_INVALID_ARGS;
	}
	if (given[0])
		format_string(label, sizeof(label), "%s -> %s", c->cfg->name, given);
	else
		format_string(label, sizeof(label), "%s", c->cfg->name);
	if (arg_string_set_string(out, "label", label) != STATUS_OK ||
	    arg_string_text(out)[0] == 0 || str_len(arg_string_text(out)) >= ARGS_MAX) {
		if (child_refusal_admit(c))
			log_error("%s: session arguments too long with the label", c->cfg->name);
		return STATUS_INVALID_ARGS;
	}
	return STATUS_OK;
}

status_t
child_session_keep(struct child_state *c, const char *service, int server, uint64_t amount,
                   uint64_t meta, cap_t cap, cap_t *session)
{
	void *mem = 0;
	status_t st = child_meta_new(c, sizeof(struct child_session), &mem);
	struct child_session *s = mem;
	if (st == STATUS_OK) {
		*s = (struct child_session){
		        .cap = cap, .server = server, .amount = amount, .meta = meta, .client = c};
		(void)cap_key_get(cap, &s->key); /* a cap without one is never found */
		str_copy(s->service, service, sizeof(s->service));
		list_insert_tail(&c->sessions, &s->elem);
		*session = cap;
		return STATUS_OK;
	}
	/* not kept means never closed: close it now, the client gets back what it paid */
	struct child_session refused = {
	        .cap = cap, .server = server, .amount = amount, .meta = meta, .client = c};
	str_copy(refused.service, service, sizeof(refused.service));
	child_session_close(c, &refused);
	return st;
}

/*
 * Open an environment session at init's parent with c's donation moved
 * along the way, and wait: it ends at core, which waits for nobody. c
 * pays init's record of it in the same transfer.
 */
static status_t
open_paid(struct child_state *c, const char *service, const char *args, cap_t *session)
{
	char label[ARGS_MAX];
	uint64_t amount = session_args_donation(args, label, sizeof(label));
	/* init's record, and its parent's, which the parent charges to init */
	uint64_t meta = child_meta_cost(sizeof(struct child_session)) + PARENT_SESSION_RECORD_COST;
	cap_t cap = cap_invalid();
	status_t s = child_meta_pay(c, service, label, amount, meta);
	if (s != STATUS_OK)
		return s;
	s = parent_session(env_parent(init_env), service, args, &cap);
	if (s != STATUS_OK) {
		child_ram_refund(c, amount + meta);
		return s;
	}
	return child_session_keep(c, service, -1, amount, meta, cap, session);
}

bool
session_env(const char *service)
{
	/*
	 * RAM is core's alone and every component needs it to give its own
	 * children memory (10.02 hard-codes it among the parent services): it
	 * goes to the parent whether or not <parent-provides> lists it. So
	 * does RM, an environment session (Genode's Env::rm_session), paid
	 * by the child, and PD: a child that starts children of its own (a
	 * nested init) asks core for each process. Its PD sessions are among
	 * its sessions here, so when it dies, closing them ends its children
	 * at core. SIGNAL too: every component's signal contexts come from its
	 * session (Genode's own configs route "SIGNAL" inconsistently). CPU
	 * is routed by cpu_route.c.
	 */
	return str_equal(service, "RAM") || str_equal(service, "RM") || str_equal(service, "PD") ||
	       str_equal(service, "SIGNAL") || str_equal(service, "CPU");
}

/* the server child a request routed to it waits for is gone for good */
static status_t
server_gone(struct child_state *c, const char *service, unsigned server)
{
	if (child_refusal_admit(c))
		log_error("\"%s\": service \"%s\" of child \"%s\" is gone", c->cfg->name, service,
		          config.children[server].name);
	return STATUS_UNAVAILABLE;
}

/*
 * What the route conditions look at, from the args init forwards: their
 * label is "<child>" or "<child> -> <label>" (label_prefix above), so the
 * scoped label, what the child sent, is what follows the child's name.
 */
struct route_labels {
	char unscoped[ARGS_MAX];
	const char *scoped; /* into unscoped */
};

static void
route_labels_get(const struct child_state *c, const char *args, struct route_labels *l)
{
	struct arg_string a;
	struct arg_error err;
	size_t n = str_len(c->cfg->name);
	l->unscoped[0] = 0;
	if (arg_string_init(&a, args, str_len(args), &err) == STATUS_OK)
		(void)arg_string_get_string(&a, "label", l->unscoped, sizeof(l->unscoped));
	l->scoped = l->unscoped + (str_len(l->unscoped) > n ? n + 4 : str_len(l->unscoped));
}

/* the reason of a refusal, with the label a label condition may have missed */
static void
route_refusal_log(struct child_state *c, const char *what, const char *service,
                  const struct route_labels *l)
{
	if (child_refusal_admit(c))
		log_error("%s: %s to service \"%s\" (label=\"%s\")", c->cfg->name, what, service,
		          l->unscoped);
}

/*
 * Where a request of c goes: STATUS_OK and *server -1 (init's parent) or
 * a child whose root is announced; STATUS_WOULD_BLOCK and the child it
 * waits for (-1: whoever announces it, 10.02); anything else is refused
 * and logged. args are those init forwards (labeled).
 */
static status_t
route_target(struct child_state *c, const char *service, const char *args, int *server)
{
	struct route_labels l;
	route_labels_get(c, args, &l);
	struct init_route_request req = {
	        .service = service, .label = l.scoped, .unscoped = l.unscoped, .args = args};
	*server = -1;
	struct init_route_decision d = route_decide(c, &req);
	if (d.kind == INIT_ROUTE_DENIED || d.kind == INIT_ROUTE_AMBIGUOUS) {
		route_refusal_log(c, d.kind == INIT_ROUTE_DENIED ? "no route" : "ambiguous route",
		                  service, &l);
		return STATUS_DENIED;
	}
	if (d.kind == INIT_ROUTE_WAIT)
		return STATUS_WOULD_BLOCK;
	if (d.kind == INIT_ROUTE_PARENT)
		return STATUS_OK;
	*server = (int)d.child;
	if (d.child == c->index) {
		/* it would wait for its own answer, which it cannot give while it waits */
		if (child_refusal_admit(c))
			log_error("\"%s\": service \"%s\" is routed to itself", c->cfg->name,
			          service);
		return STATUS_DENIED;
	}
	if (child_announced_root(d.child, service))
		return STATUS_OK;
	return children[d.child].ended ? server_gone(c, service, d.child) : STATUS_WOULD_BLOCK;
}

/* whether child from waits, through requests deferred for announcements, for to */
static bool
waits_for(unsigned from, unsigned to, unsigned walk)
{
	if (children[from].seen_walk == walk)
		return false;
	children[from].seen_walk = walk;
	list_for_each(e, &pending_list)
	{
		const struct pending *p = list_entry(e, struct pending, elem);
		if (p->client->index != from || p->server < 0)
			continue;
		if ((unsigned)p->server == to || waits_for((unsigned)p->server, to, walk))
			return true;
	}
	return false;
}

/* may c wait for server's announcement? refused (and logged) on a cycle */
static status_t
wait_check(struct child_state *c, const char *service, int server)
{
	/* a walk number marks the children seen, without a table of them */
	static unsigned walk;
	if (server < 0 || !waits_for((unsigned)server, c->index, ++walk))
		return STATUS_OK;
	if (child_refusal_admit(c))
		log_error("\"%s\": cycle of routes: service \"%s\" of child \"%s\", which "
		          "waits for \"%s\"",
		          c->cfg->name, service, config.children[server].name, c->cfg->name);
	return STATUS_DENIED;
}

/* keep the deferred request to answer it after the announcement */
static void
wait_announce(struct child_state *c, const char *service, const char *args, int server,
              struct rpc_reply_handle *reply)
{
	char label[ARGS_MAX];
	(void)session_args_donation(args, label, sizeof(label));
	uint64_t meta = child_meta_cost(sizeof(struct pending));
	status_t s = child_meta_pay(c, service, label, 0, meta);
	void *mem = 0;
	if (s == STATUS_OK && (s = child_meta_new(c, sizeof(struct pending), &mem)) != STATUS_OK)
		child_ram_refund(c, meta);
	struct pending *p = mem;
	if (s != STATUS_OK) {
		parent_session_reply(reply, s, cap_invalid());
		return;
	}
	*p = (struct pending){.client = c, .server = server, .reply = *reply};
	str_copy(p->service, service, sizeof(p->service));
	str_copy(p->args, args, sizeof(p->args));
	list_insert_tail(&pending_list, &p->elem);
}

/* the request of c, deferred in reply, goes to server (-1: the parent), waits, or is refused */
static void
request_go(struct child_state *c, const char *service, const char *args, status_t s, int server,
           struct rpc_reply_handle *reply)
{
	if (s == STATUS_OK)
		session_call_open(c, server, service, args, reply);
	else if (s == STATUS_WOULD_BLOCK)
		wait_announce(c, service, args, server, reply);
	else
		parent_session_reply(reply, s, cap_invalid());
}

/*
 * Only init's own config grants host access, and only to the PD session
 * it opens for a child (child_start.c): a child's request never carries
 * it on, whatever the service. A nested init's <host-access> ends here.
 */
static void
host_access_strip(struct child_state *c, const char *service, struct arg_string *labeled)
{
	if (arg_string_remove(labeled, PD_HOST_ACCESS_ARG) != STATUS_OK)
		return; /* it had none */
	char label[ARGS_MAX];
	label[0] = 0;
	(void)arg_string_get_string(labeled, "label", label, sizeof(label));
	if (child_refusal_admit(c))
		log_error("%s: host access refused for %s session \"%s\": only the top-level "
		          "init's config grants it",
		          c->cfg->name, service, label);
}

status_t
session_route(struct child_state *c, struct rpc_call *call, const char *service, const char *args,
              cap_t *session)
{
	struct arg_string labeled;
	status_t s = label_prefix(c, args, &labeled);
	if (s != STATUS_OK)
		return s;
	host_access_strip(c, service, &labeled);
	if (str_equal(service, "CPU"))
		return cpu_session_route(c, &labeled, session);
	char filename[INIT_CONFIG_NAME_MAX + 1];
	if (str_equal(service, "ROM") &&
	    arg_string_get_string(&labeled, "filename", filename, sizeof(filename)) == STATUS_OK &&
	    str_equal(filename, "config")) {
		if (c->cfg->config_kind != INIT_CHILD_CONFIG_FILE)
			return config_rom_session(c, session);
		arg_string_set_string(&labeled, "filename", c->cfg->config_file);
	}
	if (session_env(service))
		return open_paid(c, service, arg_string_text(&labeled), session);
	int server;
	s = route_target(c, service, arg_string_text(&labeled), &server);
	if (s == STATUS_WOULD_BLOCK)
		s = wait_check(c, service, server) == STATUS_OK ? s : STATUS_DENIED;
	if (s != STATUS_OK && s != STATUS_WOULD_BLOCK)
		return s;
	/* a child server answers later, or the server is still to announce */
	struct rpc_reply_handle reply;
	if (rpc_reply_defer(call, &reply) != STATUS_OK)
		return STATUS_OUT_OF_MEMORY;
	request_go(c, service, arg_string_text(&labeled), s, server, &reply);
	return STATUS_OK;
}

void
session_route_retry(void)
{
	list_for_each_safe(e, &pending_list)
	{
		struct pending *p = list_entry(e, struct pending, elem);
		int server;
		status_t s = route_target(p->client, p->service, p->args, &server);
		if (s == STATUS_WOULD_BLOCK)
			continue;
		/* request_go may add records of the client: take what it needs first */
		struct pending go = *p;
		pending_free(p);
		request_go(go.client, go.service, go.args, s, server, &go.reply);
	}
}

void
session_route_drop(const struct child_state *c)
{
	list_for_each_safe(e, &pending_list)
	{
		struct pending *p = list_entry(e, struct pending, elem);
		if (p->client != c)
			continue;
		struct rpc_reply_handle reply = p->reply;
		pending_free(p);
		parent_session_reply(&reply, STATUS_UNAVAILABLE, cap_invalid());
	}
}

void
session_route_server_gone(unsigned server)
{
	list_for_each_safe(e, &pending_list)
	{
		struct pending *p = list_entry(e, struct pending, elem);
		if (p->server != (int)server)
			continue;
		struct pending gone = *p;
		pending_free(p);
		parent_session_reply(&gone.reply, server_gone(gone.client, gone.service, server),
		                     cap_invalid());
	}
}
