/*
 * \brief  Telling the 10.02 config syntax from the 10.05+ one
 *
 * Init has no version attribute to go by, so the config's own vocabulary
 * decides. Each syntax has words the other lacks; finding words of both is
 * an error, because a config half in each would lose whichever half the
 * parser did not pick, silently. Detection looks only at init's own nodes,
 * never into a child's <config>, which may well hold another syntax.
 */

#include <util/string.h>

#include "parse.h"

/* the earliest word of one syntax in the config */
struct marker {
	bool found;
	bool attribute;
	struct node_span name;
	struct node_span owner; /* node an attribute belongs to */
	uint32_t line, column;
};

static const char *const old_root_nodes[] = {"priolevels", NULL};
static const char *const old_start_nodes[] = {"filename", "ram_quota", "priority", NULL};
static const char *const new_root_attrs[] = {"prio_levels", "verbose", "announce_to_parent", NULL};
static const char *const new_root_nodes[] = {"parent-provides", "default-route", NULL};
static const char *const new_start_attrs[] = {"name", "priority", "restart", NULL};
static const char *const new_start_nodes[] = {"binary", "resource", "provides", "route", NULL};

static bool
listed(struct node_span s, const char *const *list)
{
	for (; *list; list++)
		if (str_equal_counted(*list, s.start, s.len))
			return true;
	return false;
}

static bool
before(uint32_t line, uint32_t column, const struct marker *m)
{
	return !m->found || line < m->line || (line == m->line && column < m->column);
}

static void
scan_attrs(const struct node *n, const char *const *words, struct marker *m)
{
	for (uint32_t i = 0; i < n->attr_count; i++) {
		const struct node_value *a = &n->attrs[i];
		if (listed(a->name, words) && before(a->line, a->column, m))
			*m = (struct marker){true, true, a->name, n->type, a->line, a->column};
	}
}

static void
scan_nodes(const struct node *n, const char *const *words, struct marker *m)
{
	for (const struct node *s = node_sub_node(n, NULL); s; s = node_next(s, NULL))
		if (listed(s->type, words) && before(s->line, s->column, m))
			*m = (struct marker){true, false, s->type, n->type, s->line, s->column};
}

static const char *
describe(const struct marker *m, char *buf, size_t size)
{
	char name[INIT_QUOTE_LEN], owner[INIT_QUOTE_LEN];
	init_parse_quote_span(m->name, name);
	if (m->attribute)
		format_string(buf, size, "attribute \"%s\" of <%s>", name,
		              init_parse_quote_span(m->owner, owner));
	else
		format_string(buf, size, "<%s>", name);
	return buf;
}

static status_t
mixed(struct init_parse *p, const struct marker *old, const struct marker *new_)
{
	char first[INIT_QUOTE_LEN * 2 + 32], second[INIT_QUOTE_LEN * 2 + 32];
	bool old_later = before(new_->line, new_->column, old);
	const struct marker *at = old_later ? old : new_, *before = old_later ? new_ : old;

	describe(at, second, sizeof(second));
	describe(before, first, sizeof(first));
	return init_parse_fail(p, STATUS_INVALID_ARGS, at->line, at->column,
	                       "%s is %s syntax, but line %u, column %u uses %s syntax (%s)",
	                       second, old_later ? "10.02" : "10.05", (unsigned)before->line,
	                       (unsigned)before->column, old_later ? "10.05" : "10.02", first);
}

status_t
init_parse_detect_syntax(struct init_parse *p)
{
	struct marker old = {0}, new_ = {0};
	const struct node *root = p->root;

	scan_attrs(root, new_root_attrs, &new_);
	scan_nodes(root, old_root_nodes, &old);
	scan_nodes(root, new_root_nodes, &new_);
	for (const struct node *s = node_sub_node(root, "start"); s; s = node_next(s, "start")) {
		scan_attrs(s, new_start_attrs, &new_);
		scan_nodes(s, old_start_nodes, &old);
		scan_nodes(s, new_start_nodes, &new_);
	}
	if (old.found && new_.found)
		return mixed(p, &old, &new_);
	p->cfg->syntax = old.found ? INIT_CONFIG_SYNTAX_10_02 : INIT_CONFIG_SYNTAX_10_05;
	return STATUS_OK;
}
