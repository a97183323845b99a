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
		init_parse_check_node(p, n, child_attrs, NULL, false);
		status_t s = init_parse_name_attr(p, n, "child name", name);
		if (s != STATUS_OK)
			return s;
		int index = init_config_child_index(p->cfg, name);
		if (index < 0)
			return init_parse_fail(p, STATUS_NOT_FOUND, n->line, n->column,
			                       "route to child \"%s\", which does not exist", name);
		t->child = (unsigned)index;
		return STATUS_OK;
	}
	init_parse_check_node(p, n, NULL, NULL, false);
	return STATUS_OK;
}

static status_t
parse_entry_head(struct init_parse *p, const struct node *n, struct init_route_entry *e)
{
	static const char *const attrs[] = {"name", NULL};
	static const char *const targets[] = {"parent", "child", "any-child", NULL};

	e->any_service = node_has_type(n, "any-service");
	e->line = n->line;
	e->column = n->column;
	init_parse_check_node(p, n, e->any_service ? NULL : attrs, targets, false);
	if (e->any_service)
		return STATUS_OK;

	status_t s = init_parse_name_attr(p, n, "service name", e->service);
	if (s == STATUS_OK && !init_config_parent_provides(p->cfg, e->service) &&
	    !some_child_provides(p->cfg, e->service))
		s = init_parse_fail(p, STATUS_NOT_FOUND, n->line, n->column,
		                    "route for service \"%s\", which neither the parent nor "
		                    "any child provides",
		                    e->service);
	return s;
}

static status_t
parse_entry(struct init_parse *p, const struct node *n, struct init_route_entry *e)
{
	status_t s = parse_entry_head(p, n, e);

	for (const struct node *t = node_sub_node(n, NULL); t && s == STATUS_OK;
	     t = node_next(t, NULL)) {
		if (!node_has_type(t, "parent") && !node_has_type(t, "child") &&
		    !node_has_type(t, "any-child"))
			continue; /* warned about above */
		if (e->target_count == INIT_CONFIG_MAX_TARGETS)
			return init_parse_fail(p, STATUS_OUT_OF_MEMORY, t->line, t->column,
			                       "more than %u targets in a route entry",
			                       (unsigned)INIT_CONFIG_MAX_TARGETS);
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
	char where[INIT_QUOTE_LEN];
	status_t s = STATUS_OK;

	r->present = true;
	init_parse_check_node(p, n, NULL, entries, false);
	init_parse_quote_span(n->type, where);
	for (const struct node *e = node_sub_node(n, NULL); e && s == STATUS_OK;
	     e = node_next(e, NULL)) {
		if (!node_has_type(e, "service") && !node_has_type(e, "any-service"))
			continue;
		if (r->entry_count == INIT_CONFIG_MAX_ROUTES)
			return init_parse_fail(p, STATUS_OUT_OF_MEMORY, e->line, e->column,
			                       "more than %u entries in <%s>",
			                       (unsigned)INIT_CONFIG_MAX_ROUTES, where);
		s = parse_entry(p, e, &r->entries[r->entry_count++]);
	}
	return s;
}

/* one warning per route: <any-child/> there can never find a server */
static void
warn_idle_any_child(struct init_parse *p, const struct init_route *r)
{
	for (unsigned i = 0; i < r->entry_count; i++)
		for (unsigned k = 0; k < r->entries[i].target_count; k++) {
			const struct init_route_target *t = &r->entries[i].targets[k];
			if (t->kind != INIT_TARGET_ANY_CHILD)
				continue;
			init_parse_warn(
			        p, t->line, t->column,
			        "<any-child/> can never match, no child provides a service");
			return;
		}
}

static void
warn_idle_any_children(struct init_parse *p)
{
	struct init_config *cfg = p->cfg;
	for (unsigned i = 0; i < cfg->child_count; i++)
		if (cfg->children[i].provides_count)
			return;
	str_copy(p->subject, "default route", sizeof(p->subject));
	warn_idle_any_child(p, &cfg->default_route);
	for (unsigned i = 0; i < cfg->child_count; i++) {
		init_parse_subject_child(p, cfg->children[i].name);
		warn_idle_any_child(p, &cfg->children[i].route);
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
		warn_idle_any_children(p);
	return s;
}
