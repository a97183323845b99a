/*
 * \brief  <route> and <default-route>: parsed once every child is known
 *
 * Child names in targets are resolved to indices here, so that init's
 * runtime never looks a name up on a session request and a typo cannot
 * survive the parse: a route to a child or for a service that does not
 * exist is an error, the mistake Genode issue #1423 let resolve silently.
 */

#include <util/string.h>

#include "parse.h"

static bool
some_child_provides(const struct init_config *cfg, const char *service)
{
	for (unsigned i = 0; i < cfg->child_count; i++)
		if (init_config_child_provides(cfg, i, service))
			return true;
	return false;
}

/* targets that cannot serve a named service will deny it at run time */
static void
warn_useless_target(struct init_parse *p, const struct init_route_entry *e,
                    const struct init_route_target *t)
{
	const struct init_config *cfg = p->cfg;

	if (e->any_service)
		return;
	if (t->kind == INIT_TARGET_PARENT && !init_config_parent_provides(cfg, e->service))
		init_parse_warn(p, t->line, t->column,
		                "route of service \"%s\" to the parent, which does not provide it",
		                e->service);
	if (t->kind == INIT_TARGET_CHILD && !init_config_child_provides(cfg, t->child, e->service))
		init_parse_warn(
		        p, t->line, t->column,
		        "route of service \"%s\" to child \"%s\", which does not provide it",
		        e->service, cfg->children[t->child].name);
}

static status_t
parse_target(struct init_parse *p, const struct node *n, struct init_route_target *t)
{
	static const char *const child_attrs[] = {"name", NULL};
	init_name_t name;

	t->line = n->line;
	t->column = n->column;
	if (node_has_type(n, "parent")) {
		t->kind = INIT_TARGET_PARENT;
	} else if (node_has_type(n, "any-child")) {
		t->kind = INIT_TARGET_ANY_CHILD;
	} else {
		t->kind = INIT_TARGET_CHILD;
		status_t s = init_parse_check_route(p, n, child_attrs, NULL, NULL);
		if (s == STATUS_OK)
			s = init_parse_name_attr(p, n, "child name", name);
		if (s != STATUS_OK)
			return s;
		int index = init_config_child_index(p->cfg, name);
		if (index < 0)
			return init_parse_fail(p, STATUS_NOT_FOUND, n->line, n->column,
			                       "route to child \"%s\", which does not exist", name);
		t->child = (unsigned)index;
		return STATUS_OK;
	}
	/* e.g. Genode's later <parent label=".."/> rewrites labels: not ours */
	return init_parse_check_route(p, n, NULL, NULL, NULL);
}

static bool
is_target(const struct node *n)
{
	return node_has_type(n, "parent") || node_has_type(n, "child") ||
	       node_has_type(n, "any-child");
}

static status_t
parse_entry_head(struct init_parse *p, const struct node *n, struct init_route_entry *e)
{
	static const char *const subs[] = {"parent", "child", "any-child", "if-arg", NULL};

	e->any_service = node_has_type(n, "any-service");
	e->line = n->line;
	e->column = n->column;
	/* the list starts with "name", which <any-service> does not take */
	status_t s = init_parse_check_route(p, n, init_parse_route_entry_attrs + e->any_service,
	                                    subs, NULL);
	if (s == STATUS_OK && !e->any_service)
		s = init_parse_name_attr(p, n, "service name", e->service);
	if (s == STATUS_OK && !e->any_service && !init_config_parent_provides(p->cfg, e->service) &&
	    !some_child_provides(p->cfg, e->service))
		s = init_parse_fail(p, STATUS_NOT_FOUND, n->line, n->column,
		                    "route for service \"%s\", which neither the parent nor "
		                    "any child provides",
		                    e->service);
	if (s == STATUS_OK)
		s = init_parse_route_conds(p, n, e);
	return s;
}

static status_t
parse_entry(struct init_parse *p, const struct node *n, struct init_route_entry *e)
{
	struct init_config *cfg = p->cfg;
	status_t s = parse_entry_head(p, n, e);

	/* entries are parsed one after the other: this one's targets stay in a row */
	e->targets = cfg->targets ? &cfg->targets[cfg->target_count] : NULL;
	for (const struct node *t = node_sub_node(n, NULL); t && s == STATUS_OK;
	     t = node_next(t, NULL)) {
		if (!is_target(t))
			continue; /* an <if-arg>, parsed above */
		/* storage.c made room for every sub-node of an entry */
		if (cfg->target_count == cfg->target_cap)
			return init_parse_fail(p, STATUS_OUT_OF_MEMORY, t->line, t->column,
			                       "more than the %u route targets counted",
			                       cfg->target_cap);
		cfg->target_count++;
		struct init_route_target *target = &e->targets[e->target_count++];
		s = parse_target(p, t, target);
		if (s == STATUS_OK)
			warn_useless_target(p, e, target);
	}
	/* an entry without a target still matches, and so denies: say so */
	if (s == STATUS_OK && e->target_count == 0)
		init_parse_warn(p, n->line, n->column,
		                "route entry for %s has no target: such requests are denied",
		                e->any_service ? "any service" : e->service);
	return s;
}

static status_t
parse_route(struct init_parse *p, const struct node *n, struct init_route *r)
{
	static const char *const entries[] = {"service", "any-service", NULL};
	/*
	 * A target outside any entry adds nothing to the route, so ignoring
	 * it only narrows it: a warning, which lets Genode's published
	 * nested_config (run/nested_config.run) run with its slip.
	 */
	static const char *const stray[] = {"parent", "child", "any-child", NULL};

	r->present = true;
	r->entries = &p->cfg->route_entries[p->cfg->route_entry_count];
	status_t s = init_parse_check_route(p, n, NULL, entries, stray);
	for (const struct node *e = node_sub_node(n, NULL); e && s == STATUS_OK;
	     e = node_next(e, NULL)) {
		if (!node_has_type(e, "service") && !node_has_type(e, "any-service"))
			continue;
		/* storage.c made room for every sub-node of a route */
		if (p->cfg->route_entry_count == p->cfg->route_entry_cap)
			return init_parse_fail(p, STATUS_OUT_OF_MEMORY, e->line, e->column,
			                       "more than the %u route entries counted",
			                       p->cfg->route_entry_cap);
		/* routes are parsed one after the other: this route's entries stay in a row */
		p->cfg->route_entry_count++;
		s = parse_entry(p, e, &r->entries[r->entry_count++]);
	}
	return s;
}

/* the two first children that provide service; false if fewer do */
static bool
two_providers(const struct init_config *cfg, const char *service, unsigned *a, unsigned *b)
{
	unsigned found = 0;
	for (unsigned i = 0; i < cfg->child_count && found < 2; i++)
		if (init_config_child_provides(cfg, i, service))
			*(found++ ? b : a) = i;
	return found == 2;
}

/* a service of e that two children provide, NULL if there is none */
static const char *
shared_service(const struct init_config *cfg, const struct init_route_entry *e, unsigned *a,
               unsigned *b)
{
	if (!e->any_service)
		return two_providers(cfg, e->service, a, b) ? e->service : NULL;
	for (unsigned i = 0; i < cfg->child_count; i++)
		for (unsigned k = 0; k < cfg->children[i].provides_count; k++)
			if (two_providers(cfg, cfg->children[i].provides[k], a, b))
				return cfg->children[i].provides[k];
	return NULL;
}

/*
 * Where <any-child/> is written, and only there: it cannot choose between
 * two children that provide the same service, which is decided per
 * request (ambiguous), so say it at its place. Two providers of a service
 * are fine wherever routes name their child.
 */
static void
warn_any_child(struct init_parse *p, const struct init_route_entry *e,
               const struct init_route_target *t)
{
	unsigned a = 0, b = 0;
	const char *service = shared_service(p->cfg, e, &a, &b);
	if (t->kind != INIT_TARGET_ANY_CHILD || !service)
		return;
	init_parse_warn(p, t->line, t->column,
	                "<any-child/> cannot choose between children \"%s\" and \"%s\", "
	                "which both provide service \"%s\"",
	                p->cfg->children[a].name, p->cfg->children[b].name, service);
}

/* <any-child/> that can never find a server (once per route), or may find two */
static void
warn_any_children(struct init_parse *p, const struct init_route *r, bool idle)
{
	bool idle_said = false;
	for (unsigned i = 0; i < r->entry_count; i++)
		for (unsigned k = 0; k < r->entries[i].target_count; k++) {
			const struct init_route_target *t = &r->entries[i].targets[k];
			if (t->kind != INIT_TARGET_ANY_CHILD)
				continue;
			if (idle && !idle_said)
				init_parse_warn(p, t->line, t->column,
				                "<any-child/> can never match, no child provides "
				                "a service");
			idle_said = idle;
			warn_any_child(p, &r->entries[i], t);
		}
}

static void
warn_any_child_routes(struct init_parse *p)
{
	struct init_config *cfg = p->cfg;
	bool idle = true;
	for (unsigned i = 0; i < cfg->child_count; i++)
		idle = idle && cfg->children[i].provides_count == 0;
	str_copy(p->subject, "default route", sizeof(p->subject));
	warn_any_children(p, &cfg->default_route, idle);
	for (unsigned i = 0; i < cfg->child_count; i++) {
		init_parse_subject_child(p, cfg->children[i].name);
		warn_any_children(p, &cfg->children[i].route, idle);
	}
	init_parse_subject_clear(p);
}

status_t
init_parse_routes(struct init_parse *p)
{
	struct init_config *cfg = p->cfg;
	const struct node *n;
	unsigned i = 0;

	if (cfg->syntax == INIT_CONFIG_SYNTAX_10_02)
		return STATUS_OK; /* routing is hard-coded there */

	str_copy(p->subject, "default route", sizeof(p->subject));
	status_t s = init_parse_single(p, p->root, "default-route", &n);
	if (s == STATUS_OK && n)
		s = parse_route(p, n, &cfg->default_route);

	/* every <start> became children[i], in order, or the parse failed */
	for (const struct node *start = node_sub_node(p->root, "start"); start && s == STATUS_OK;
	     start = node_next(start, "start"), i++) {
		init_parse_subject_child(p, cfg->children[i].name);
		s = init_parse_single(p, start, "route", &n);
		if (s == STATUS_OK && n)
			s = parse_route(p, n, &cfg->children[i].route);
	}
	init_parse_subject_clear(p);
	if (s == STATUS_OK)
		warn_any_child_routes(p);
	return s;
}
