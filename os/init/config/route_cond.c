/*
 * \brief  The conditions of a route entry: label attributes and <if-arg>
 *
 * Later Genode's label, label_prefix, label_suffix, label_last and
 * unscoped_label on <service>/<any-service>, and 11.11's
 * <if-arg key=".." value=".."/> inside them. How each is matched is said
 * in route.h; here they are only checked and recorded. Whatever cannot be
 * honoured exactly is an error, never a condition dropped: a dropped
 * condition widens the route to sessions it was not written for.
 */

#include <util/string.h>

#include "parse.h"

static const struct {
	const char *attr;
	enum init_route_cond_kind kind;
} label_attrs[] = {
        {"label", INIT_COND_LABEL},
        {"label_prefix", INIT_COND_LABEL_PREFIX},
        {"label_suffix", INIT_COND_LABEL_SUFFIX},
        {"label_last", INIT_COND_LABEL_LAST},
        {"unscoped_label", INIT_COND_UNSCOPED_LABEL},
};

enum { LABEL_ATTRS = sizeof(label_attrs) / sizeof(label_attrs[0]) };

static status_t
cond_add(struct init_parse *p, struct init_route_entry *e, const struct node *n,
         enum init_route_cond_kind kind, const struct node_value *key,
         const struct node_value *value)
{
	struct init_config *cfg = p->cfg;
	/* storage.c made room for every attribute and sub-node of an entry */
	if (cfg->cond_count == cfg->cond_cap)
		return init_parse_fail(p, STATUS_OUT_OF_MEMORY, n->line, n->column,
		                       "more than the %u route conditions counted", cfg->cond_cap);
	if (e->cond_count == 0)
		e->cond_first = cfg->cond_count;
	struct init_route_cond *c = &cfg->conds[cfg->cond_count++];
	*c = (struct init_route_cond){.kind = kind, .value = *value};
	if (key)
		c->key = *key;
	e->cond_count++;
	return STATUS_OK;
}

/*
 * Genode ignores the scoped attributes beside unscoped_label with a
 * warning: then the route would match more than its text says.
 */
static status_t
check_unscoped_alone(struct init_parse *p, const struct node *n)
{
	const struct node_value *unscoped = node_attribute(n, "unscoped_label");
	if (!unscoped)
		return STATUS_OK;
	for (unsigned i = 0; i < LABEL_ATTRS; i++)
		if (label_attrs[i].kind != INIT_COND_UNSCOPED_LABEL &&
		    node_attribute(n, label_attrs[i].attr))
			return init_parse_fail(p, STATUS_INVALID_ARGS, unscoped->line,
			                       unscoped->column,
			                       "unscoped_label together with %s: the label "
			                       "is either the child's or init's, not both",
			                       label_attrs[i].attr);
	return STATUS_OK;
}

static status_t
parse_if_arg(struct init_parse *p, struct init_route_entry *e, const struct node *n)
{
	static const char *const attrs[] = {"key", "value", NULL};
	const struct node_value *key = node_attribute(n, "key");
	const struct node_value *value = node_attribute(n, "value");
	status_t s = init_parse_check_route(p, n, attrs, NULL, NULL);
	if (s != STATUS_OK)
		return s;
	if (!key || !value)
		return init_parse_fail(p, STATUS_INVALID_ARGS, n->line, n->column,
		                       "<if-arg> without a \"%s\" attribute",
		                       key ? "value" : "key");
	if (key->text.len == 0)
		return init_parse_fail(p, STATUS_INVALID_ARGS, key->line, key->column,
		                       "<if-arg> with an empty key");
	return cond_add(p, e, n, INIT_COND_IF_ARG, key, value);
}

status_t
init_parse_route_conds(struct init_parse *p, const struct node *n, struct init_route_entry *e)
{
	status_t s = check_unscoped_alone(p, n);
	for (unsigned i = 0; i < LABEL_ATTRS && s == STATUS_OK; i++) {
		const struct node_value *v = node_attribute(n, label_attrs[i].attr);
		if (v)
			s = cond_add(p, e, n, label_attrs[i].kind, NULL, v);
	}
	for (const struct node *a = node_sub_node(n, "if-arg"); a && s == STATUS_OK;
	     a = node_next(a, "if-arg"))
		s = parse_if_arg(p, e, a);
	return s;
}

const char *const init_parse_route_entry_attrs[] = {
        "name", "label", "label_prefix", "label_suffix", "label_last", "unscoped_label", NULL};
