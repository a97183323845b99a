/*
 * \brief  Unit test: config tree storage, navigation and value interpretation
 *
 * Trees are built by hand through the parser interface, so that the node
 * API is checked independently of any syntax.
 */

#include <string.h>

#include <util/node_tree.h>

#include "../../harness/harness.h"

static struct node nodes[8];
static struct node_value attrs[8];
static struct node_tree tree;

static struct node_span
span(const char *s)
{
	return (struct node_span){s, strlen(s)};
}

static struct node *
add(struct node *parent, const char *type)
{
	struct node *n = node_tree_add_node(&tree, parent);
	if (n)
		n->type = span(type);
	return n;
}

static struct node_value *
attr(struct node *n, const char *name, const char *text, enum node_escape escape)
{
	struct node_value *v = node_tree_add_attr(&tree, n);
	if (v) {
		*v = (struct node_value){span(name), span(text), escape, 7, 3};
	}
	return v;
}

static void
build_links_children_in_order(void)
{
	node_tree_init(&tree, nodes, 8, attrs, 8);
	CHECK(node_tree_root(&tree) == NULL);
	struct node *root = add(NULL, "config");
	CHECK(add(NULL, "second") == NULL);
	struct node *a = add(root, "start"), *b = add(root, "other"), *c = add(root, "start");
	CHECK(node_tree_root(&tree) == root);
	CHECK(node_sub_node(root, NULL) == a);
	CHECK(node_sub_node(root, "other") == b);
	CHECK(node_next(a, "start") == c);
	CHECK(node_next(a, NULL) == b);
	CHECK(node_next(c, NULL) == NULL);
	CHECK(a->parent == root && root->last_child == c);
	CHECK_EQ(node_sub_node_count(root, "start"), 2);
	CHECK_EQ(node_sub_node_count(root, NULL), 3);
	CHECK_EQ(node_sub_node_count(root, "none"), 0);
	CHECK(node_has_type(a, "start") && !node_has_type(a, "star") &&
	      !node_has_type(a, "starts"));
}

static void
build_respects_capacity(void)
{
	node_tree_init(&tree, nodes, 2, attrs, 1);
	struct node *root = add(NULL, "r");
	CHECK(add(root, "a") != NULL);
	CHECK(add(root, "b") == NULL);
	CHECK(attr(root, "x", "1", NODE_ESCAPE_NONE) != NULL);
	CHECK(attr(root, "y", "2", NODE_ESCAPE_NONE) == NULL);
	CHECK_EQ(root->attr_count, 1);
}

static void
build_keeps_attributes_contiguous(void)
{
	node_tree_init(&tree, nodes, 8, attrs, 8);
	struct node *root = add(NULL, "r"), *a = add(root, "a");
	CHECK(attr(root, "x", "1", NODE_ESCAPE_NONE) != NULL);
	CHECK(attr(a, "y", "2", NODE_ESCAPE_NONE) != NULL);
	/* root's list would no longer be contiguous */
	CHECK(attr(root, "z", "3", NODE_ESCAPE_NONE) == NULL);
	CHECK(attr(a, "w", "4", NODE_ESCAPE_NONE) != NULL);
	CHECK_EQ(a->attr_count, 2);
	CHECK(node_attribute(a, "w") == &a->attrs[1]);
	CHECK(node_attribute(root, "z") == NULL);
}

static void
sub_node_with_attribute(void)
{
	node_tree_init(&tree, nodes, 8, attrs, 8);
	struct node *root = add(NULL, "config");
	struct node *t = add(root, "start");
	attr(t, "name", "timer", NODE_ESCAPE_NONE);
	struct node *l = add(root, "start");
	attr(l, "name", "l&amp;g", NODE_ESCAPE_XML);
	CHECK(node_sub_node_with(root, "start", "name", "timer") == t);
	CHECK(node_sub_node_with(root, "start", "name", "l&g") == l);
	CHECK(node_sub_node_with(root, "start", "name", "l&amp;g") == NULL);
	CHECK(node_sub_node_with(root, "start", "label", "timer") == NULL);
}

static void
escape_decoding(void)
{
	char out[4];
	size_t n = 0;
	CHECK_EQ(node_escape_xml_decode("&amp;x", 6, out, &n), 5);
	CHECK(n == 1 && out[0] == '&');
	CHECK_EQ(node_escape_xml_decode("&apos;", 6, out, &n), 6);
	CHECK_EQ(node_escape_xml_decode("&#60;", 5, out, &n), 5);
	CHECK(n == 1 && out[0] == '<');
	CHECK_EQ(node_escape_xml_decode("&#x20AC;", 8, out, &n), 8);
	CHECK(n == 3 && memcmp(out, "\xe2\x82\xac", 3) == 0);
	CHECK_EQ(node_escape_xml_decode("&#x10FFFF;", 10, out, &n), 10);
	CHECK_EQ(n, 4);
	const char *bad[] = {"&amp",       "&foo;",          "&#;",   "&#x;", "&#0;", "&#xD800;",
	                     "&#x110000;", "&#99999999999;", "&#1a;", "&",    "&;",   "&#X41;"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_EQ(node_escape_xml_decode(bad[i], strlen(bad[i]), out, &n), 0);
	/* the reference must lie within len */
	CHECK_EQ(node_escape_xml_decode("&amp;", 4, out, &n), 0);
}

static void
value_copy_and_compare(void)
{
	struct node_value v = {span("v"), span("a&lt;b&#x41;"), NODE_ESCAPE_XML, 1, 1};
	char buf[16];
	CHECK_EQ(node_value_copy(&v, buf, sizeof(buf)), 4);
	CHECK_STR(buf, "a<bA");
	CHECK_EQ(node_value_copy(&v, buf, 3), 4);
	CHECK_STR(buf, "a<");
	CHECK_EQ(node_value_copy(&v, NULL, 0), 4);
	CHECK(node_value_equal(&v, "a<bA"));
	CHECK(!node_value_equal(&v, "a<b"));
	CHECK(!node_value_equal(&v, "a<bAx"));
	struct node_value raw = {span("v"), span("a&lt;"), NODE_ESCAPE_NONE, 1, 1};
	CHECK(node_value_equal(&raw, "a&lt;"));
	struct node_value empty = {span("v"), {NULL, 0}, NODE_ESCAPE_NONE, 1, 1};
	CHECK_EQ(node_value_copy(&empty, buf, sizeof(buf)), 0);
	CHECK_STR(buf, "");
	CHECK(node_value_equal(&empty, ""));
}

static void
typed_values(void)
{
	struct node_error err;
	uint64_t u = 0;
	int64_t s = 0;
	bool b = false;
	struct node_value v = {span("quantum"), span("16M"), NODE_ESCAPE_NONE, 4, 9};
	CHECK_EQ(node_value_size(&v, &u, &err), STATUS_OK);
	CHECK_EQ(u, 16 << 20);
	CHECK_EQ(node_value_u64(&v, &u, &err), STATUS_INVALID_ARGS);
	CHECK_STR(err.what, "malformed unsigned number in");
	CHECK_STR(err.name, "quantum");
	CHECK(err.line == 4 && err.column == 9);
	v.text = span("-3");
	CHECK_EQ(node_value_s64(&v, &s, NULL), STATUS_OK);
	CHECK_EQ(s, -3);
	v.text = span("on");
	CHECK_EQ(node_value_bool(&v, &b, NULL), STATUS_OK);
	CHECK(b);
	v.text = span("false");
	CHECK_EQ(node_value_bool(&v, &b, NULL), STATUS_OK);
	CHECK(!b);
	v.text = span("maybe");
	CHECK_EQ(node_value_bool(&v, &b, &err), STATUS_INVALID_ARGS);
	CHECK_STR(err.what, "expected yes or no in");
}

static void
attribute_shorthands(void)
{
	struct node_error err;
	node_tree_init(&tree, nodes, 8, attrs, 8);
	struct node *n = add(NULL, "start");
	attr(n, "name", "timer", NODE_ESCAPE_NONE);
	attr(n, "priority", "-1", NODE_ESCAPE_NONE);
	attr(n, "ram", "1x", NODE_ESCAPE_NONE);
	uint64_t u;
	int64_t s;
	bool b;
	char buf[6];
	CHECK_EQ(node_attribute_u64(n, "caps", 50, &u, &err), STATUS_OK);
	CHECK_EQ(u, 50);
	CHECK_EQ(node_attribute_s64(n, "priority", 0, &s, &err), STATUS_OK);
	CHECK_EQ(s, -1);
	CHECK_EQ(node_attribute_size(n, "ram", 0, &u, &err), STATUS_INVALID_ARGS);
	CHECK_STR(err.name, "ram");
	CHECK_EQ(node_attribute_bool(n, "verbose", true, &b, &err), STATUS_OK);
	CHECK(b);
	CHECK_EQ(node_attribute_string(n, "name", buf, sizeof(buf), NULL, &err), STATUS_OK);
	CHECK_STR(buf, "timer");
	CHECK_EQ(node_attribute_string(n, "label", buf, sizeof(buf), NULL, &err), STATUS_OK);
	CHECK_STR(buf, "");
	CHECK_EQ(node_attribute_string(n, "name", buf, 5, NULL, &err), STATUS_OUT_OF_MEMORY);
	CHECK_STR(err.what, "value too long for attribute");
	CHECK_EQ(node_attribute_string(n, "label", buf, 5, "toolong", &err), STATUS_OUT_OF_MEMORY);
	CHECK_EQ(node_attribute_string(n, "name", buf, 0, NULL, &err), STATUS_INVALID_ARGS);
	CHECK(node_has_attribute(n, "ram") && !node_has_attribute(n, "ra"));
}

static void
error_format(void)
{
	struct node_error e;
	char buf[80];
	node_error_set(&e, STATUS_INVALID_ARGS, 12, 345, "duplicate attribute", span("name"));
	const char *want = "line 12, column 345: duplicate attribute 'name'";
	CHECK_EQ(node_error_format(&e, buf, sizeof(buf)), strlen(want));
	CHECK_STR(buf, want);
	CHECK_EQ(node_error_format(&e, buf, 10), strlen(want));
	CHECK_STR(buf, "line 12, ");
	node_error_set(&e, STATUS_OUT_OF_MEMORY, 0, 0, NULL, (struct node_span){NULL, 0});
	node_error_format(&e, buf, sizeof(buf));
	CHECK_STR(buf, status_name(STATUS_OUT_OF_MEMORY));
	/* a long name is cut to fit, never overflowing */
	node_error_set(&e, STATUS_INVALID_ARGS, 1, 1, "x",
	               span("0123456789012345678901234567890123456789xyz"));
	CHECK_EQ(strlen(e.name), sizeof(e.name) - 1);
	CHECK(node_error_set(NULL, STATUS_DENIED, 1, 1, "x", span("y")) == STATUS_DENIED);
}

TEST_MAIN(TEST_CASE(build_links_children_in_order), TEST_CASE(build_respects_capacity),
          TEST_CASE(build_keeps_attributes_contiguous), TEST_CASE(sub_node_with_attribute),
          TEST_CASE(escape_decoding), TEST_CASE(value_copy_and_compare), TEST_CASE(typed_values),
          TEST_CASE(attribute_shorthands), TEST_CASE(error_format))
