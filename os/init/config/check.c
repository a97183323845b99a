/*
 * \brief  Generic checks of init's config nodes
 *
 * Anything init does not understand is reported, not silently ignored: a
 * misspelt attribute that is dropped without a word is the classic way to
 * lose an afternoon. Unknown things only warn, though, so that a config
 * written for a newer init still starts what this one understands.
 *
 * Except in routes (init_parse_check_route): a route condition init does
 * not know, dropped, makes the route match more than written and sends a
 * session to a server it was not meant for. There, anything unknown stops
 * the config.
 */

#include <util/string.h>

#include "parse.h"

static bool
listed(struct node_span s, const char *const *list)
{
	for (; list && *list; list++)
		if (str_equal_counted(*list, s.start, s.len))
			return true;
	return false;
}

void
init_parse_check_node(struct init_parse *p, const struct node *n, const char *const *attrs,
                      const char *const *subs, bool text_ok)
{
	char what[INIT_QUOTE_LEN], where[INIT_QUOTE_LEN];
	init_parse_quote_span(n->type, where);

	for (uint32_t i = 0; i < n->attr_count; i++) {
		const struct node_value *a = &n->attrs[i];
		if (!listed(a->name, attrs))
			init_parse_warn(p, a->line, a->column,
			                "unknown attribute \"%s\" of <%s> ignored",
			                init_parse_quote_span(a->name, what), where);
	}
	for (const struct node *s = node_sub_node(n, NULL); s; s = node_next(s, NULL))
		if (!listed(s->type, subs))
			init_parse_warn(p, s->line, s->column, "unknown node <%s> in <%s> ignored",
			                init_parse_quote_span(s->type, what), where);
	if (!text_ok && n->content.text.len)
		init_parse_warn(p, n->content.line, n->content.column, "text in <%s> ignored",
		                where);
}

status_t
init_parse_check_route(struct init_parse *p, const struct node *n, const char *const *attrs,
                       const char *const *subs, const char *const *tolerated)
{
	char what[INIT_QUOTE_LEN], where[INIT_QUOTE_LEN];
	init_parse_quote_span(n->type, where);

	for (uint32_t i = 0; i < n->attr_count; i++) {
		const struct node_value *a = &n->attrs[i];
		if (!listed(a->name, attrs))
			return init_parse_fail(p, STATUS_INVALID_ARGS, a->line, a->column,
			                       "unknown attribute \"%s\" of <%s> in a route",
			                       init_parse_quote_span(a->name, what), where);
	}
	for (const struct node *s = node_sub_node(n, NULL); s; s = node_next(s, NULL)) {
		if (listed(s->type, subs))
			continue;
		init_parse_quote_span(s->type, what);
		if (!listed(s->type, tolerated))
			return init_parse_fail(p, STATUS_INVALID_ARGS, s->line, s->column,
			                       "unknown node <%s> in <%s> of a route", what, where);
		init_parse_warn(p, s->line, s->column, "unknown node <%s> in <%s> ignored", what,
		                where);
	}
	if (n->content.text.len)
		return init_parse_fail(p, STATUS_INVALID_ARGS, n->content.line, n->content.column,
		                       "text in <%s> of a route", where);
	return STATUS_OK;
}

status_t
init_parse_single(struct init_parse *p, const struct node *n, const char *type,
                  const struct node **out)
{
	const struct node *first = node_sub_node(n, type);
	const struct node *second = first ? node_next(first, type) : NULL;

	*out = first;
	if (second)
		return init_parse_fail(p, STATUS_INVALID_ARGS, second->line, second->column,
		                       "duplicate <%s> (the first is at line %u, column %u)", type,
		                       (unsigned)first->line, (unsigned)first->column);
	return STATUS_OK;
}

status_t
init_parse_name(struct init_parse *p, const struct node_value *v, const char *what, init_name_t dst)
{
	char quoted[INIT_QUOTE_LEN];
	size_t len = node_value_copy(v, dst, sizeof(init_name_t));

	if (len == 0)
		return init_parse_fail(p, STATUS_INVALID_ARGS, v->line, v->column, "empty %s",
		                       what);
	if (len > INIT_CONFIG_NAME_MAX)
		return init_parse_fail(p, STATUS_INVALID_ARGS, v->line, v->column,
		                       "%s \"%s\" is longer than %u characters", what,
		                       init_parse_quote(v, quoted), (unsigned)INIT_CONFIG_NAME_MAX);

	/* names end up in labels and log lines, quoted: keep them printable */
	bool clean = str_len(dst) == len;
	for (size_t i = 0; clean && i < len; i++)
		clean = (unsigned char)dst[i] >= 0x20 && dst[i] != 0x7f && dst[i] != '"';
	if (!clean)
		return init_parse_fail(p, STATUS_INVALID_ARGS, v->line, v->column,
		                       "%s \"%s\" contains a control character or quote", what,
		                       init_parse_quote(v, quoted));
	return STATUS_OK;
}

status_t
init_parse_name_attr(struct init_parse *p, const struct node *n, const char *what, init_name_t dst)
{
	char type[INIT_QUOTE_LEN];
	const struct node_value *v = node_attribute(n, "name");

	if (!v)
		return init_parse_fail(p, STATUS_INVALID_ARGS, n->line, n->column,
		                       "<%s> without a \"name\" attribute",
		                       init_parse_quote_span(n->type, type));
	return init_parse_name(p, v, what, dst);
}
