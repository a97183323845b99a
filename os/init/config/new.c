/*
 * \brief  The 10.05+ config syntax: <start name=".."> with attributes
 *
 * Everything but routes, which need every child's name and services first
 * and are therefore parsed afterwards (routes.c).
 */

#include <util/string.h>

#include "parse.h"

static status_t
parse_resource(struct init_parse *p, struct init_child *c, const struct node *res)
{
	static const char *const attrs[] = {"name", "quantum", NULL};
	init_name_t name;
	const struct node_value *quantum = node_attribute(res, "quantum");

	init_parse_check_node(p, res, attrs, NULL, false);
	status_t s = init_parse_name_attr(p, res, "resource name", name);
	if (s != STATUS_OK)
		return s;
	if (!str_equal(name, "RAM")) {
		init_parse_warn(p, res->line, res->column, "unknown resource \"%s\" ignored", name);
		return STATUS_OK;
	}
	if (c->ram_quota_given)
		return init_parse_fail(p, STATUS_INVALID_ARGS, res->line, res->column,
		                       "duplicate RAM <resource>");
	if (!quantum)
		return init_parse_fail(p, STATUS_INVALID_ARGS, res->line, res->column,
		                       "RAM <resource> without a \"quantum\" attribute");
	return init_parse_quantum(p, c, quantum);
}

static status_t
parse_provides(struct init_parse *p, struct init_child *c, const struct node *start)
{
	const struct node *prov;
	status_t s = init_parse_single(p, start, "provides", &prov);
	if (s != STATUS_OK || !prov)
		return s;
	/*
	 * Two children offering one service is legal; only <any-child/>
	 * cannot choose between them, which routes.c says where it is used.
	 */
	return init_parse_service_list(p, prov, &c->provides, &c->provides_count);
}

/* restart="yes": start the child again whenever it ended (see os/init/main.c) */
static status_t
parse_restart(struct init_parse *p, struct init_child *c, const struct node_value *v)
{
	char quoted[INIT_QUOTE_LEN];
	if (!v || node_value_bool(v, &c->restart, NULL) == STATUS_OK)
		return STATUS_OK;
	return init_parse_fail(p, STATUS_INVALID_ARGS, v->line, v->column,
	                       "restart \"%s\" is neither yes nor no", init_parse_quote(v, quoted));
}

static status_t
parse_start(struct init_parse *p, const struct node *start)
{
	static const char *const attrs[] = {"name", "priority", "restart", NULL};
	static const char *const subs[] = {"binary", "resource",   "provides",    "route",
	                                   "config", "configfile", "host-access", NULL};
	static const char *const binary_attrs[] = {"name", NULL};
	const struct node *binary;
	init_name_t name;
	struct init_child *c;

	status_t s = init_parse_name_attr(p, start, "child name", name);
	if (s == STATUS_OK)
		s = init_parse_child_add(p, start, name, &c);
	if (s != STATUS_OK)
		return s;

	init_parse_check_node(p, start, attrs, subs, false);
	s = init_parse_single(p, start, "binary", &binary);
	if (s == STATUS_OK && binary) {
		init_parse_check_node(p, binary, binary_attrs, NULL, false);
		s = init_parse_name_attr(p, binary, "binary name", c->binary);
	}
	if (s == STATUS_OK)
		s = init_parse_priority(p, c, node_attribute(start, "priority"));
	if (s == STATUS_OK)
		s = parse_restart(p, c, node_attribute(start, "restart"));
	for (const struct node *r = node_sub_node(start, "resource"); r && s == STATUS_OK;
	     r = node_next(r, "resource"))
		s = parse_resource(p, c, r);
	if (s == STATUS_OK && !c->ram_quota_given)
		init_parse_quantum_missing(p, c);
	if (s == STATUS_OK)
		s = parse_provides(p, c, start);
	if (s == STATUS_OK)
		s = init_parse_child_config(p, c, start);
	if (s == STATUS_OK)
		s = init_parse_host_access(p, c, start);
	return s;
}

static status_t
parse_globals(struct init_parse *p)
{
	char quoted[INIT_QUOTE_LEN];
	const struct node_value *verbose = node_attribute(p->root, "verbose");
	const struct node *provides;

	status_t s = init_parse_prio_levels(p, node_attribute(p->root, "prio_levels"));
	if (s == STATUS_OK && verbose && node_value_bool(verbose, &p->cfg->verbose, NULL))
		s = init_parse_fail(p, STATUS_INVALID_ARGS, verbose->line, verbose->column,
		                    "verbose \"%s\" is neither yes nor no",
		                    init_parse_quote(verbose, quoted));
	const struct node_value *up = node_attribute(p->root, "announce_to_parent");
	if (s == STATUS_OK && up && node_value_bool(up, &p->cfg->announce_to_parent, NULL))
		s = init_parse_fail(p, STATUS_INVALID_ARGS, up->line, up->column,
		                    "announce_to_parent \"%s\" is neither yes nor no",
		                    init_parse_quote(up, quoted));
	if (s == STATUS_OK)
		s = init_parse_single(p, p->root, "parent-provides", &provides);
	if (s == STATUS_OK && provides)
		s = init_parse_service_list(p, provides, &p->cfg->parent_services,
		                            &p->cfg->parent_service_count);
	return s;
}

status_t
init_parse_10_05(struct init_parse *p)
{
	static const char *const attrs[] = {"prio_levels", "verbose", "announce_to_parent", NULL};
	static const char *const subs[] = {"parent-provides", "default-route", "start", NULL};

	init_parse_check_node(p, p->root, attrs, subs, false);
	status_t s = parse_globals(p);
	for (const struct node *n = node_sub_node(p->root, "start"); n && s == STATUS_OK;
	     n = node_next(n, "start")) {
		init_parse_subject_clear(p);
		s = parse_start(p, n);
	}
	init_parse_subject_clear(p);
	return s;
}
