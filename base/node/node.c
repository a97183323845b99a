/*
 * \brief  Navigating a config tree: types, sub-nodes, attributes, content
 */

#include <util/node.h>
#include <util/string.h>

static bool
span_equal(struct node_span span, const char *s)
{
	return str_equal_counted(s, span.start, span.len);
}

bool
node_has_type(const struct node *n, const char *type)
{
	return span_equal(n->type, type);
}

static const struct node *
first_of_type(const struct node *n, const char *type)
{
	while (n && type && !node_has_type(n, type))
		n = n->next_sibling;
	return n;
}

const struct node *
node_sub_node(const struct node *n, const char *type)
{
	return first_of_type(n->first_child, type);
}

const struct node *
node_next(const struct node *n, const char *type)
{
	return first_of_type(n->next_sibling, type);
}

uint32_t
node_sub_node_count(const struct node *n, const char *type)
{
	uint32_t count = 0;
	for (const struct node *s = node_sub_node(n, type); s; s = node_next(s, type))
		count++;
	return count;
}

const struct node *
node_sub_node_with(const struct node *n, const char *type, const char *attr, const char *value)
{
	for (const struct node *s = node_sub_node(n, type); s; s = node_next(s, type)) {
		const struct node_value *v = node_attribute(s, attr);
		if (v && node_value_equal(v, value))
			return s;
	}
	return NULL;
}

const struct node_value *
node_attribute(const struct node *n, const char *name)
{
	for (uint32_t i = 0; i < n->attr_count; i++)
		if (span_equal(n->attrs[i].name, name))
			return &n->attrs[i];
	return NULL;
}

bool
node_has_attribute(const struct node *n, const char *name)
{
	return node_attribute(n, name) != NULL;
}

const struct node_value *
node_content(const struct node *n)
{
	return &n->content;
}
