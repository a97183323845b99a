/*
 * \brief  Caller-owned storage of a config tree and appending to it
 */

#include <util/node_tree.h>
#include <util/string.h>

void
node_tree_init(struct node_tree *t, struct node *nodes, uint32_t node_capacity,
               struct node_value *attrs, uint32_t attr_capacity)
{
	t->nodes = nodes;
	t->node_capacity = nodes ? node_capacity : 0;
	t->attrs = attrs;
	t->attr_capacity = attrs ? attr_capacity : 0;
	node_tree_reset(t, NULL, 0, NODE_FORMAT_NONE);
}

void
node_tree_reset(struct node_tree *t, const char *src, size_t len, enum node_format format)
{
	t->node_count = 0;
	t->attr_count = 0;
	t->source.start = src;
	t->source.len = len;
	t->format = format;
	t->warning_count = 0;
}

void
node_tree_warn(struct node_tree *t, uint32_t line, uint32_t column, const char *what,
               struct node_span name)
{
	if (t->warning_count < NODE_TREE_WARNINGS_MAX) {
		struct node_error *w = &t->warnings[t->warning_count];
		w->status = STATUS_OK;
		w->line = line;
		w->column = column;
		w->what = what;
		size_t n = name.len < sizeof(w->name) - 1 ? name.len : sizeof(w->name) - 1;
		mem_copy(w->name, name.start, n);
		w->name[n] = 0;
	}
	if (t->warning_count < UINT32_MAX)
		t->warning_count++;
}

const struct node *
node_tree_root(const struct node_tree *t)
{
	return t->node_count ? &t->nodes[0] : NULL;
}

struct node *
node_tree_add_node(struct node_tree *t, struct node *parent)
{
	/* the first node is the root, and only the root has no parent */
	if (t->node_count == t->node_capacity || (parent == NULL) != (t->node_count == 0))
		return NULL;

	struct node *n = &t->nodes[t->node_count++];
	mem_set(n, 0, sizeof(*n));
	n->parent = parent;
	if (!parent)
		return n;

	if (parent->last_child)
		parent->last_child->next_sibling = n;
	else
		parent->first_child = n;
	parent->last_child = n;
	return n;
}

struct node_value *
node_tree_add_attr(struct node_tree *t, struct node *n)
{
	if (t->attr_count == t->attr_capacity)
		return NULL;

	struct node_value *v = &t->attrs[t->attr_count];
	if (n->attr_count == 0)
		n->attrs = v;
	else if (n->attrs + n->attr_count != v)
		return NULL;

	t->attr_count++;
	n->attr_count++;
	mem_set(v, 0, sizeof(*v));
	return v;
}
