/*
 * \brief  Resolving a session request against the config model
 *
 * Only decides; init's runtime acts (forwards, denies, blocks, logs). The
 * rules are spelled out in route.h.
 */

#include <util/arg_string.h>
#include <util/format.h>
#include <util/node.h>
#include <util/string.h>

#include "route.h"

/* a label or value that does not fit is longer than any session's label */
enum { TEXT_MAX = ARG_STRING_MAX };

/* the request as the conditions see it, each label complete or invalid */
struct request_view {
	const struct init_route_request *req;
	const char *unscoped; /* NULL if it did not fit */
	char composed[TEXT_MAX];
};

static bool
has_suffix(const char *s, const char *suffix)
{
	size_t n = str_len(s), k = str_len(suffix);
	return k <= n && str_equal(s + n - k, suffix);
}

/* the element after the last " -> " of a label */
static const char *
last_element(const char *label)
{
	const char *last = label;
	for (const char *p = label; *p; p++)
		if (str_has_prefix(p, " -> "))
			last = p + 4;
	return last;
}

/* the text of argument key of the request, "" if absent; false if unreadable */
static bool
arg_value(const char *args, const struct node_value *key, char out[TEXT_MAX])
{
	struct arg_string a;
	struct arg_error err;
	char name[TEXT_MAX];
	out[0] = 0;
	if (node_value_copy(key, name, sizeof(name)) >= sizeof(name))
		return false;
	if (!args)
		return true;
	if (arg_string_init(&a, args, str_len(args), &err) != STATUS_OK)
		return false;
	status_t s = arg_string_get_string(&a, name, out, TEXT_MAX);
	return s == STATUS_OK || s == STATUS_NOT_FOUND;
}

/* the text a condition is compared with, NULL if it cannot be had */
static const char *
cond_subject(const struct request_view *v, const struct init_route_cond *c, char buf[TEXT_MAX])
{
	switch (c->kind) {
	case INIT_COND_UNSCOPED_LABEL:
		return v->unscoped;
	case INIT_COND_LABEL_LAST:
		return v->unscoped ? last_element(v->unscoped) : NULL;
	case INIT_COND_IF_ARG:
		if (node_value_equal(&c->key, "label"))
			return v->req->label;
		return arg_value(v->req->args, &c->key, buf) ? buf : NULL;
	default:
		return v->req->label;
	}
}

static bool
cond_holds(const struct request_view *v, const struct init_route_cond *c)
{
	char want[TEXT_MAX], buf[TEXT_MAX];
	const char *have = cond_subject(v, c, buf);
	/* a value longer than any label matches none, never a truncated one */
	if (!have || node_value_copy(&c->value, want, sizeof(want)) >= sizeof(want))
		return false;
	switch (c->kind) {
	case INIT_COND_LABEL_PREFIX:
		return str_has_prefix(have, want);
	case INIT_COND_LABEL_SUFFIX:
		return has_suffix(have, want);
	default:
		return str_equal(have, want);
	}
}

static bool
entry_matches(const struct init_config *cfg, const struct init_route_entry *e,
              const struct request_view *v)
{
	if (!e->any_service && !str_equal(e->service, v->req->service))
		return false;
	for (unsigned i = 0; i < e->cond_count; i++)
		if (!cond_holds(v, &cfg->conds[e->cond_first + i]))
			return false;
	return true;
}

static struct init_route_decision
decided(enum init_route_kind kind, unsigned child, const struct init_route_entry *entry)
{
	return (struct init_route_decision){kind, child, entry};
}

/* how many children provide service; *first is the lowest index of them */
static unsigned
count_providers(const struct init_config *cfg, const char *service, init_route_provides_fn provides,
                void *ctx, unsigned *first)
{
	unsigned count = 0;
	for (unsigned i = cfg->child_count; i-- > 0;)
		if (provides(ctx, i, service)) {
			*first = i;
			count++;
		}
	return count;
}

static struct init_route_decision
resolve_10_02(const struct init_config *cfg, const char *service, init_route_provides_fn provides,
              void *ctx)
{
	unsigned server = 0;

	if (init_config_parent_provides(cfg, service))
		return decided(INIT_ROUTE_PARENT, 0, NULL);
	switch (count_providers(cfg, service, provides, ctx, &server)) {
	case 0:
		return decided(INIT_ROUTE_WAIT, 0, NULL);
	case 1:
		return decided(INIT_ROUTE_CHILD, server, NULL);
	default:
		return decided(INIT_ROUTE_AMBIGUOUS, 0, NULL);
	}
}

/* true if t settles the request, with the decision in *d */
static bool
try_target(const struct init_config *cfg, const struct init_route_target *t, const char *service,
           init_route_provides_fn provides, void *ctx, struct init_route_decision *d)
{
	unsigned server = 0, count;

	switch (t->kind) {
	case INIT_TARGET_PARENT:
		if (!init_config_parent_provides(cfg, service))
			return false;
		*d = decided(INIT_ROUTE_PARENT, 0, NULL);
		return true;
	case INIT_TARGET_CHILD:
		if (!provides(ctx, t->child, service))
			return false;
		*d = decided(INIT_ROUTE_CHILD, t->child, NULL);
		return true;
	case INIT_TARGET_ANY_CHILD:
		count = count_providers(cfg, service, provides, ctx, &server);
		if (count == 0)
			return false;
		*d = decided(count == 1 ? INIT_ROUTE_CHILD : INIT_ROUTE_AMBIGUOUS, server, NULL);
		return true;
	}
	return false;
}

static struct init_route_decision
resolve_10_05(const struct init_config *cfg, const struct init_route *route,
              const struct request_view *v, init_route_provides_fn provides, void *ctx)
{
	struct init_route_decision d;
	const char *service = v->req->service;

	for (unsigned i = 0; route->present && i < route->entry_count; i++) {
		const struct init_route_entry *e = &route->entries[i];
		if (!entry_matches(cfg, e, v))
			continue;
		for (unsigned k = 0; k < e->target_count; k++) {
			if (try_target(cfg, &e->targets[k], service, provides, ctx, &d)) {
				d.entry = e;
				return d;
			}
			if (!e->any_service)
				return decided(INIT_ROUTE_DENIED, 0, e);
		}
		/* nothing to try at all: Genode denies even for <any-service> */
		if (!e->any_service || e->target_count == 0)
			return decided(INIT_ROUTE_DENIED, 0, e);
	}
	return decided(INIT_ROUTE_DENIED, 0, NULL);
}

/* "<child>" or "<child> -> <label>", as init forwards it (session_route.c) */
static void
view_init(struct request_view *v, const struct init_config *cfg, unsigned child,
          const struct init_route_request *req)
{
	size_t n;
	v->req = req;
	v->unscoped = req->unscoped;
	if (v->unscoped)
		return;
	if (req->label[0])
		n = format_string(v->composed, sizeof(v->composed), "%s -> %s",
		                  cfg->children[child].name, req->label);
	else
		n = format_string(v->composed, sizeof(v->composed), "%s",
		                  cfg->children[child].name);
	v->unscoped = n < sizeof(v->composed) ? v->composed : NULL;
}

struct init_route_decision
init_route_resolve_request(const struct init_config *cfg, unsigned child,
                           const struct init_route_request *req, init_route_provides_fn provides,
                           void *ctx)
{
	struct request_view v;
	if (!provides) {
		provides = init_route_declared;
		ctx = (void *)cfg;
	}
	if (child >= cfg->child_count || !req || !req->service || !req->label)
		return decided(INIT_ROUTE_DENIED, 0, NULL);
	if (cfg->syntax == INIT_CONFIG_SYNTAX_10_02)
		return resolve_10_02(cfg, req->service, provides, ctx);

	view_init(&v, cfg, child, req);
	const struct init_route *route = &cfg->children[child].route;
	return resolve_10_05(cfg, route->present ? route : &cfg->default_route, &v, provides, ctx);
}

struct init_route_decision
init_route_resolve(const struct init_config *cfg, unsigned child, const char *service,
                   init_route_provides_fn provides, void *ctx)
{
	struct init_route_request req = {.service = service, .label = ""};
	return init_route_resolve_request(cfg, child, &req, provides, ctx);
}

bool
init_route_declared(void *ctx, unsigned child, const char *service)
{
	return init_config_child_provides((const struct init_config *)ctx, child, service);
}

const char *
init_route_kind_name(enum init_route_kind kind)
{
	static const char *const names[] = {"parent", "child", "denied", "ambiguous", "wait"};
	if ((unsigned)kind >= sizeof(names) / sizeof(names[0]))
		return "unknown route kind";
	return names[kind];
}
