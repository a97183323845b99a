/*
 * \brief  Fuzz target: the XML parser and every node accessor on its output
 *
 * Besides not crashing, a parsed tree must keep one promise that init relies
 * on when it serves a nested <config> to a child: the raw span of any node
 * parses again, on its own, into a tree of the same size as its subtree.
 */

#include <stdint.h>
#include <stdlib.h>

#include <util/xml.h>

enum { NODES = 256, ATTRS = 256 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct node nodes[NODES], sub_nodes[NODES];
static struct node_value attrs[ATTRS], sub_attrs[ATTRS];

static void
read_value(const struct node_value *v)
{
	char buf[16];
	uint64_t u;
	int64_t s;
	bool b;
	struct node_error err;
	if (node_value_copy(v, buf, sizeof(buf)) < sizeof(buf) && !node_value_equal(v, buf))
		abort();
	(void)node_value_u64(v, &u, &err);
	(void)node_value_s64(v, &s, &err);
	(void)node_value_size(v, &u, &err);
	(void)node_value_bool(v, &b, &err);
}

static uint32_t
subtree_size(const struct node *n)
{
	uint32_t count = 1;
	for (const struct node *s = node_sub_node(n, NULL); s; s = node_next(s, NULL))
		count += subtree_size(s);
	return count;
}

static void
check_raw_reparses(const struct node *n)
{
	struct node_tree sub;
	node_tree_init(&sub, sub_nodes, NODES, sub_attrs, ATTRS);
	if (xml_parse(&sub, n->raw.start, n->raw.len, NULL) != STATUS_OK)
		abort();
	if (sub.node_count != subtree_size(n))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct node_tree tree;
	struct node_error err;
	char msg[64];

	node_tree_init(&tree, nodes, NODES, attrs, ATTRS);
	if (xml_parse(&tree, (const char *)data, size, &err) != STATUS_OK) {
		node_error_format(&err, msg, sizeof(msg));
		return 0;
	}
	for (uint32_t i = 0; i < tree.node_count; i++) {
		const struct node *n = &tree.nodes[i];
		for (uint32_t a = 0; a < n->attr_count; a++)
			read_value(&n->attrs[a]);
		read_value(node_content(n));
		(void)node_sub_node_with(n, "start", "name", "timer");
		if (i < 8)
			check_raw_reparses(n);
	}
	return 0;
}
