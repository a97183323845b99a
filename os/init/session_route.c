/*
 * \brief  Routing a child's session request
 *
 * The decision comes from init_route_resolve (config/route.h). init then
 * puts the child's name in front of the label, always, so a child can
 * never pose as another one, and forwards the request to its own parent
 * or to the root the serving child announced. A request for a service
 * that is routed to a child which has not announced it yet (10.05+), or
 * that nobody announced yet (10.02), is deferred: the client stays blocked
 * until the announcement, as in Genode's init. A CPU session is not routed
 * at all (cpu_route.c), nor are RAM and RM (forward).
 */

#include <base/log.h>
#include <parent/client.h>
#include <parent/server.h>
#include <root/client.h>
#include <util/arg_string.h>
#include <util/format.h>
#include <util/string.h>

#include "child.h"
#include "config/route.h"

enum { PENDING_MAX = 32, ARGS_MAX = PARENT_SESSION_ARGS_MAX + 1 };

struct pending {
	bool used;
	struct child_state *client;
	init_name_t service;
	char args[ARGS_MAX];
	struct rpc_reply_handle reply;
};

static struct pending pending[PENDING_MAX];

/* the answer 10.02 gives: what has been announced so far */
static bool
route_announced(void *ctx, unsigned child, const char *service)
{
	(void)ctx;
	return child_announced_root(child, service) != 0;
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
                   cap_t cap, cap_t *session)
{
	for (unsigned i = 0; i < CHILD_SESSIONS_MAX; i++) {
		struct child_session *s = &c->sessions[i];
		if (s->used)
			continue;
		*s = (struct child_session){true, cap, server, amount, ""};
		str_copy(s->service, service, sizeof(s->service));
		*session = cap;
		return STATUS_OK;
	}
	if (child_refusal_admit(c))
		log_error("%s: too many sessions", c->cfg->name);
	/* not kept means never closed: close it now, the client gets its donation back */
	struct child_session refused = {true, cap, server, amount, ""};
	child_session_close(c, &refused);
	return STATUS_OUT_OF_MEMORY;
}

/* ram_quota and label of labeled args (already checked by label_prefix) */
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

/* open the session at its server with c's donation moved along the way */
static status_t
open_paid(struct child_state *c, int server, const char *service, const char *args, cap_t *session)
{
	char label[ARGS_MAX];
	uint64_t amount = donation_of(args, label, sizeof(label));
	cap_t cap = cap_invalid();
	status_t s = child_ram_donate(c, service, label, amount);
	if (s != STATUS_OK)
		return s;
	if (server < 0) {
		s = parent_session(env_parent(init_env), service, args, &cap);
	} else {
		const root_cap_t *root = child_announced_root((unsigned)server, service);
		s = root ? child_ram_pass((unsigned)server, amount) : STATUS_UNAVAILABLE;
		if (s == STATUS_OK) {
			s = root_session(*root, args, &cap);
			if (s != STATUS_OK) {
				/* e.g. a single-client server that is taken: say who and why */
				if (child_refusal_admit(c))
					log_error(
					        "%s: session request for service \"%s\" denied by "
					        "\"%s\": %s",
					        c->cfg->name, service, config.children[server].name,
					        status_name(s));
				child_ram_reclaim((unsigned)server, amount);
			}
		}
	}
	if (s != STATUS_OK) {
		child_ram_refund(c, amount);
		return s;
	}
	return child_session_keep(c, service, server, amount, cap, session);
}

/* resolve and forward; STATUS_WOULD_BLOCK: nobody announced it yet */
static status_t
forward(struct child_state *c, const char *service, const char *args, cap_t *session)
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
	 * session (Genode's own configs route "SIGNAL" inconsistently).
	 */
	if (str_equal(service, "RAM") || str_equal(service, "RM") || str_equal(service, "PD") ||
	    str_equal(service, "SIGNAL"))
		return open_paid(c, -1, service, args, session);
	struct init_route_decision d = init_route_resolve(
	        &config, c->index, service,
	        config.syntax == INIT_CONFIG_SYNTAX_10_02 ? route_announced : 0, 0);
	if (d.kind == INIT_ROUTE_DENIED || d.kind == INIT_ROUTE_AMBIGUOUS) {
		if (child_refusal_admit(c))
			log_error("%s: %s to service \"%s\"", c->cfg->name,
			          d.kind == INIT_ROUTE_DENIED ? "no route" : "ambiguous route",
			          service);
		return STATUS_DENIED;
	}
	if (d.kind == INIT_ROUTE_WAIT)
		return STATUS_WOULD_BLOCK;
	if (d.kind == INIT_ROUTE_PARENT)
		return open_paid(c, -1, service, args, session);
	if (!child_announced_root(d.child, service))
		return STATUS_WOULD_BLOCK;
	return open_paid(c, (int)d.child, service, args, session);
}

static status_t
defer(struct child_state *c, struct rpc_call *call, const char *service, const char *args)
{
	for (unsigned i = 0; i < PENDING_MAX; i++) {
		struct pending *p = &pending[i];
		if (p->used)
			continue;
		if (rpc_reply_defer(call, &p->reply) != STATUS_OK)
			return STATUS_OUT_OF_MEMORY;
		p->used = true;
		p->client = c;
		str_copy(p->service, service, sizeof(p->service));
		str_copy(p->args, args, sizeof(p->args));
		return STATUS_OK;
	}
	if (child_refusal_admit(c))
		log_error("%s: too many requests waiting for services", c->cfg->name);
	return STATUS_OUT_OF_MEMORY;
}

status_t
session_route(struct child_state *c, struct rpc_call *call, const char *service, const char *args,
              cap_t *session)
{
	struct arg_string labeled;
	status_t s = label_prefix(c, args, &labeled);
	if (s != STATUS_OK)
		return s;
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
	s = forward(c, service, arg_string_text(&labeled), session);
	return s == STATUS_WOULD_BLOCK ? defer(c, call, service, arg_string_text(&labeled)) : s;
}

void
session_route_retry(void)
{
	for (unsigned i = 0; i < PENDING_MAX; i++) {
		struct pending *p = &pending[i];
		cap_t session = cap_invalid();
		if (!p->used)
			continue;
		status_t s = forward(p->client, p->service, p->args, &session);
		if (s == STATUS_WOULD_BLOCK)
			continue;
		p->used = false;
		parent_session_reply(&p->reply, s, session);
	}
}

void
session_route_drop(const struct child_state *c)
{
	for (unsigned i = 0; i < PENDING_MAX; i++) {
		struct pending *p = &pending[i];
		if (!p->used || p->client != c)
			continue;
		p->used = false;
		parent_session_reply(&p->reply, STATUS_UNAVAILABLE, cap_invalid());
	}
}

void
session_route_server_gone(unsigned server)
{
	for (unsigned i = 0; i < PENDING_MAX; i++) {
		struct pending *p = &pending[i];
		if (!p->used)
			continue;
		struct init_route_decision d = init_route_resolve(
		        &config, p->client->index, p->service,
		        config.syntax == INIT_CONFIG_SYNTAX_10_02 ? route_announced : 0, 0);
		if (d.kind != INIT_ROUTE_CHILD || d.child != server)
			continue;
		log_warning("%s: service \"%s\" unavailable, its server \"%s\" is gone",
		            p->client->cfg->name, p->service, config.children[server].name);
		p->used = false;
		parent_session_reply(&p->reply, STATUS_UNAVAILABLE, cap_invalid());
	}
}
