/*
 * \brief  XML parser building a config tree
 *
 * Elements are tracked by the innermost open node and its parent links
 * instead of by recursion, so a hostile nesting depth is bounded by the
 * node storage and never by the stack.
 */

#include <util/string.h>
#include <util/xml.h>

#include "cursor.h"

static const struct node_span no_name = {NULL, 0};

struct xml_parser {
	struct xml_cursor cur;
	struct node_tree *tree;
	struct node *open; /* innermost element whose end tag is pending */
	/* the last stray end tag, and the element that was innermost then */
	struct {
		const struct node *open;
		uint32_t line, column;
	} stray;
};

static bool
span_same(struct node_span a, struct node_span b)
{
	return a.len == b.len && mem_compare(a.start, b.start, a.len) == 0;
}

static bool
has_attribute(const struct node *n, struct node_span name)
{
	for (uint32_t i = 0; i < n->attr_count; i++)
		if (span_same(n->attrs[i].name, name))
			return true;
	return false;
}

static status_t
parse_attribute(struct xml_parser *p, struct node *n)
{
	struct xml_cursor *c = &p->cur;
	uint32_t line = c->line, column = c->column;
	struct node_span name;

	if (!cur_name(c, &name))
		return cur_fail(c, "malformed attribute name in element", n->type);
	if (has_attribute(n, name))
		return cur_fail_at(c, line, column, "duplicate attribute", name);
	cur_skip_space(c);
	if (cur_peek(c) != '=')
		return cur_fail(c, "expected '=' after attribute", name);
	cur_advance(c, 1);
	cur_skip_space(c);
	char quote = cur_peek(c);
	if (quote != '"' && quote != '\'')
		return cur_fail(c, "expected a quoted value for attribute", name);
	cur_advance(c, 1);

	struct node_value *v = node_tree_add_attr(p->tree, n);
	if (!v)
		return node_error_set(c->err, STATUS_OUT_OF_MEMORY, line, column,
		                      "attribute storage exhausted at", name);
	v->name = name;
	status_t s = cur_text(c, quote, v);
	if (s == STATUS_OK && cur_end(c))
		s = cur_fail_at(c, v->line, v->column, "unterminated value of attribute", name);
	cur_advance(c, 1);
	return s;
}

static status_t
parse_attributes(struct xml_parser *p, struct node *n)
{
	struct xml_cursor *c = &p->cur;
	for (;;) {
		bool space = cur_skip_space(c);
		if (cur_end(c))
			return cur_fail_at(c, n->line, n->column, "unterminated start tag",
			                   n->type);
		if (cur_peek(c) == '>' || cur_looking_at(c, "/>"))
			return STATUS_OK;
		if (!space)
			return cur_fail(c, "expected white space before attribute in element",
			                n->type);
		status_t s = parse_attribute(p, n);
		if (s != STATUS_OK)
			return s;
	}
}

static status_t
parse_start_tag(struct xml_parser *p)
{
	struct xml_cursor *c = &p->cur;
	const char *start = cur_here(c);
	uint32_t line = c->line, column = c->column;
	struct node_span type;

	cur_advance(c, 1);
	if (!cur_name(c, &type))
		return cur_fail(c, "malformed element name", no_name);
	if (p->open && p->open->content.text.len)
		return cur_fail_at(c, line, column, "text mixed with sub-nodes in element",
		                   p->open->type);
	/* parse_root() sees to it that only the first element comes here without a parent */
	struct node *n = node_tree_add_node(p->tree, p->open);
	if (!n)
		return node_error_set(c->err, STATUS_OUT_OF_MEMORY, line, column,
		                      "node storage exhausted at element", type);
	n->type = type;
	n->line = line;
	n->column = column;
	n->raw.start = start;

	status_t s = parse_attributes(p, n);
	if (s != STATUS_OK)
		return s;
	bool empty = cur_peek(c) == '/';
	cur_advance(c, empty ? 2 : 1);

	/* an empty content value still names its node and position */
	n->content =
	        (struct node_value){type, {cur_here(c), 0}, NODE_ESCAPE_NONE, c->line, c->column};
	if (empty)
		n->raw.len = (size_t)(cur_here(c) - start);
	else
		p->open = n;
	return STATUS_OK;
}

/*
 * Whether an end tag named type closes some element that is open. One
 * that closes nothing, such as the surplus </service> after a
 * self-closed <service .../> in a config taken from Genode's
 * documentation, is skipped with a warning: it cannot hide a missing end
 * tag, because every open element still needs its own. An end tag that
 * does close an outer element while an inner one is open stays an error.
 */
static bool
closes_open_element(const struct node *open, struct node_span type)
{
	for (const struct node *n = open; n; n = n->parent)
		if (span_same(n->type, type))
			return true;
	return false;
}

/*
 * n is never closed. If a stray end tag was skipped while n was the
 * innermost element, that tag was meant to close n (a typo such as
 * </stat>): name its place rather than the later one.
 */
static status_t
element_unclosed(struct xml_parser *p, const struct node *n, uint32_t line, uint32_t column,
                 const char *what)
{
	if (p->stray.open == n) {
		line = p->stray.line;
		column = p->stray.column;
		what = "end tag does not match element";
	}
	return cur_fail_at(&p->cur, line, column, what, n->type);
}

static status_t
parse_end_tag(struct xml_parser *p)
{
	struct xml_cursor *c = &p->cur;
	struct node *n = p->open;
	uint32_t line = c->line, column = c->column;
	struct node_span type;

	cur_advance(c, 2);
	if (!cur_name(c, &type))
		return cur_fail_at(c, line, column, "end tag does not match element", n->type);
	bool stray = !span_same(type, n->type) && !closes_open_element(n, type);
	if (!span_same(type, n->type) && !stray)
		return element_unclosed(p, n, line, column, "end tag does not match element");
	cur_skip_space(c);
	if (cur_peek(c) != '>')
		return cur_fail(c, "expected '>' in end tag of element", n->type);
	cur_advance(c, 1);
	if (stray) {
		node_tree_warn(p->tree, line, column, "stray end tag ignored:", type);
		p->stray.open = n;
		p->stray.line = line;
		p->stray.column = column;
		return STATUS_OK;
	}
	n->raw.len = (size_t)(cur_here(c) - n->raw.start);
	p->open = n->parent;
	return STATUS_OK;
}

/* text between tags: allowed only as the single piece of a leaf's content */
static status_t
parse_text(struct xml_parser *p)
{
	struct xml_cursor *c = &p->cur;
	struct node *n = p->open;
	struct node_value v = {.name = n->type};

	cur_skip_space(c);
	status_t s = cur_text(c, '<', &v);
	if (s != STATUS_OK)
		return s;
	while (v.text.len && char_is_space(v.text.start[v.text.len - 1]))
		v.text.len--;
	if (v.text.len == 0)
		return STATUS_OK;
	if (n->first_child)
		return cur_fail_at(c, v.line, v.column, "text mixed with sub-nodes in element",
		                   n->type);
	if (n->content.text.len)
		return cur_fail_at(c, v.line, v.column, "text interrupted by markup in element",
		                   n->type);
	n->content = v;
	return STATUS_OK;
}

/* skip what may surround the root element: white space, comments, <?...?> */
static status_t
skip_misc(struct xml_cursor *c)
{
	for (;;) {
		cur_skip_space(c);
		if (!cur_looking_at(c, "<!--") && !cur_looking_at(c, "<?"))
			return STATUS_OK;
		status_t s = cur_skip_markup(c);
		if (s != STATUS_OK)
			return s;
	}
}

static status_t
parse_markup(struct xml_parser *p)
{
	struct xml_cursor *c = &p->cur;
	if (cur_looking_at(c, "<!--") || cur_looking_at(c, "<?"))
		return cur_skip_markup(c);
	if (cur_looking_at(c, "<!"))
		return cur_fail(c, "DOCTYPE and CDATA are not supported", no_name);
	if (cur_looking_at(c, "</"))
		return parse_end_tag(p);
	return parse_start_tag(p);
}

static status_t
parse_root(struct xml_parser *p)
{
	struct xml_cursor *c = &p->cur;
	if (cur_end(c))
		return cur_fail(c, "no root element", no_name);
	if (cur_looking_at(c, "<!"))
		return cur_fail(c, "DOCTYPE and CDATA are not supported", no_name);
	if (cur_peek(c) != '<' || cur_looking_at(c, "</"))
		return cur_fail(c, "expected the root element", no_name);

	status_t s = parse_start_tag(p);
	while (s == STATUS_OK && p->open) {
		s = parse_text(p);
		if (s == STATUS_OK && cur_end(c))
			s = element_unclosed(p, p->open, p->open->line, p->open->column,
			                     "unterminated element");
		if (s == STATUS_OK)
			s = parse_markup(p);
	}
	return s;
}

status_t
xml_parse(struct node_tree *tree, const char *src, size_t len, struct node_error *err)
{
	struct xml_parser p = {.tree = tree, .open = NULL};

	if (err)
		mem_set(err, 0, sizeof(*err));
	if (!src && len)
		return node_error_set(err, STATUS_INVALID_ARGS, 0, 0, "no XML text", no_name);

	node_tree_reset(tree, src, len, NODE_FORMAT_XML);
	cur_init(&p.cur, src, len, err);
	status_t s = skip_misc(&p.cur);
	if (s == STATUS_OK)
		s = parse_root(&p);
	if (s == STATUS_OK)
		s = skip_misc(&p.cur);
	if (s == STATUS_OK && !cur_end(&p.cur))
		s = cur_fail(&p.cur, "content after the root element", no_name);
	if (s != STATUS_OK)
		node_tree_reset(tree, NULL, 0, NODE_FORMAT_NONE);
	return s;
}

void
xml_storage_needed(const char *src, size_t len, uint32_t *nodes, uint32_t *attrs)
{
	/* every element starts with '<' and every attribute has an '=' */
	*nodes = 0;
	*attrs = 0;
	for (size_t i = 0; i < len; i++) {
		if (src[i] == '<' && *nodes < UINT32_MAX)
			(*nodes)++;
		if (src[i] == '=' && *attrs < UINT32_MAX)
			(*attrs)++;
	}
}
