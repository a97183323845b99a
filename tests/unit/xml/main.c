/*
 * \brief  Unit test: XML parser on Genode configs, and its rejections
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <util/xml.h>

#include "../../harness/harness.h"

static struct node nodes[64];
static struct node_value attrs[64];
static struct node_tree tree;
static struct node_error err;

static status_t
parse_n(const char *src, uint32_t node_cap, uint32_t attr_cap)
{
	node_tree_init(&tree, nodes, node_cap, attrs, attr_cap);
	return xml_parse(&tree, src, strlen(src), &err);
}

static status_t
parse(const char *src)
{
	return parse_n(src, 64, 64);
}

static const char *
error_text(void)
{
	static char buf[128];
	node_error_format(&err, buf, sizeof(buf));
	return buf;
}

static const char *
copy(const struct node_value *v)
{
	static char buf[64];
	node_value_copy(v, buf, sizeof(buf));
	return buf;
}

static const char new_syntax[] =
        "<?xml version=\"1.0\"?>\n"
        "<!-- init's config -->\n"
        "<config prio_levels=\"4\" verbose='yes'>\n"
        "\t<parent-provides> <service name=\"ROM\"/> <service name=\"LOG\"/> </parent-provides>\n"
        "\t<start name=\"timer\">\n"
        "\t\t<resource name=\"RAM\" quantum=\"1M\"/>\n"
        "\t\t<provides><service name=\"Timer\"/></provides>\n"
        "\t</start>\n"
        "\t<start name=\"test\" priority=\"-1\">\n"
        "\t\t<config><arg value=\"a &amp; b\"/></config>\n"
        "\t</start>\n"
        "</config>\n";

static void
new_init_syntax(void)
{
	if (!CHECK_EQ(parse(new_syntax), STATUS_OK))
		return;
	const struct node *root = node_tree_root(&tree);
	CHECK(node_has_type(root, "config"));
	CHECK_EQ(tree.format, NODE_FORMAT_XML);
	uint64_t u;
	bool b;
	CHECK(node_attribute_u64(root, "prio_levels", 0, &u, &err) == STATUS_OK && u == 4);
	CHECK(node_attribute_bool(root, "verbose", false, &b, &err) == STATUS_OK && b);
	CHECK_EQ(node_sub_node_count(root, "start"), 2);
	CHECK_EQ(node_sub_node_count(node_sub_node(root, "parent-provides"), "service"), 2);

	const struct node *timer = node_sub_node_with(root, "start", "name", "timer");
	const struct node *res = node_sub_node_with(timer, "resource", "name", "RAM");
	CHECK(node_attribute_size(res, "quantum", 0, &u, &err) == STATUS_OK && u == 1 << 20);
	CHECK(node_sub_node_with(node_sub_node(timer, "provides"), "service", "name", "Timer"));
	CHECK_EQ(timer->line, 5);
	CHECK_EQ(timer->column, 2);

	const struct node *test = node_next(timer, "start");
	int64_t prio;
	CHECK(node_attribute_s64(test, "priority", 0, &prio, &err) == STATUS_OK && prio == -1);
	const struct node *cfg = node_sub_node(test, "config");
	CHECK_STR(copy(node_attribute(node_sub_node(cfg, "arg"), "value")), "a & b");
}

/* the raw span of a nested config is what init serves as the child's ROM */
static void
raw_span_reparses(void)
{
	if (!CHECK_EQ(parse(new_syntax), STATUS_OK))
		return;
	const struct node *start = node_next(node_sub_node(node_tree_root(&tree), "start"), NULL);
	struct node_span raw = node_sub_node(start, "config")->raw;
	CHECK_EQ(raw.len, strlen("<config><arg value=\"a &amp; b\"/></config>"));
	CHECK(strncmp(raw.start, "<config><arg", 12) == 0);

	static struct node inner_nodes[4];
	static struct node_value inner_attrs[4];
	struct node_tree inner;
	node_tree_init(&inner, inner_nodes, 4, inner_attrs, 4);
	CHECK_EQ(xml_parse(&inner, raw.start, raw.len, &err), STATUS_OK);
	CHECK_EQ(inner.node_count, 2);

	CHECK_EQ(parse("<a/>"), STATUS_OK);
	CHECK_EQ(node_tree_root(&tree)->raw.len, 4);
}

static void
old_init_syntax(void)
{
	const char *src = "<config>\n"
	                  "  <priolevels>2</priolevels>\n"
	                  "  <start>\n"
	                  "    <filename>timer</filename>\n"
	                  "    <ram_quota> 512K </ram_quota>\n"
	                  "    <priority>-1<!-- lowest --></priority>\n"
	                  "    <configfile>timer.config</configfile>\n"
	                  "  </start>\n"
	                  "</config>";
	if (!CHECK_EQ(parse(src), STATUS_OK))
		return;
	const struct node *start = node_sub_node(node_tree_root(&tree), "start");
	uint64_t quota;
	int64_t prio;
	CHECK(node_value_equal(node_content(node_sub_node(start, "filename")), "timer"));
	const struct node_value *q = node_content(node_sub_node(start, "ram_quota"));
	CHECK(node_value_size(q, &quota, &err) == STATUS_OK && quota == 512 * 1024);
	CHECK(q->line == 5 && q->column == 17);
	CHECK(node_value_s64(node_content(node_sub_node(start, "priority")), &prio, &err) ==
	      STATUS_OK);
	CHECK_EQ(prio, -1);
	CHECK_STR(copy(node_content(start)), "");
	CHECK_STR(copy(node_content(node_sub_node(start, "configfile"))), "timer.config");
}

static void
entities_in_text_and_attributes(void)
{
	CHECK_EQ(parse("<a x='&quot;&#65;&#x42;&apos;'>1 &lt; 2 &#x20AC;</a>"), STATUS_OK);
	const struct node *a = node_tree_root(&tree);
	CHECK_STR(copy(node_attribute(a, "x")), "\"AB'");
	CHECK_STR(copy(node_content(a)), "1 < 2 \xe2\x82\xac");
	CHECK_EQ(node_attribute(a, "x")->escape, NODE_ESCAPE_XML);
	CHECK_EQ(parse("<a x=\"plain > text\"/>"), STATUS_OK);
	CHECK_EQ(node_attribute(node_tree_root(&tree), "x")->escape, NODE_ESCAPE_NONE);
}

struct bad_case {
	const char *src;
	const char *message;
};

static const struct bad_case bad_cases[] = {
        {"", "line 1, column 1: no root element"},
        {"  <!-- only -->  ", "line 1, column 18: no root element"},
        {"text", "line 1, column 1: expected the root element"},
        {"<a>", "line 1, column 1: unterminated element 'a'"},
        {"<a><b></a>", "line 1, column 7: end tag does not match element 'b'"},
        {"<a></a><b/>", "line 1, column 8: content after the root element"},
        {"<a/>x", "line 1, column 5: content after the root element"},
        {"<a x='1' x='2'/>", "line 1, column 10: duplicate attribute 'x'"},
        {"<a x='1'y='2'/>",
         "line 1, column 9: expected white space before attribute in element 'a'"},
        {"<a x=1/>", "line 1, column 6: expected a quoted value for attribute 'x'"},
        {"<a x/>", "line 1, column 5: expected '=' after attribute 'x'"},
        {"<a x='1/>", "line 1, column 7: unterminated value of attribute 'x'"},
        {"<a x='<'/>", "line 1, column 7: '<' in the value of attribute 'x'"},
        {"<a x='&bad;'/>", "line 1, column 7: malformed character reference in 'x'"},
        {"<a>&</a>", "line 1, column 4: malformed character reference in 'a'"},
        {"<a\n  1x='2'/>", "line 2, column 3: malformed attribute name in element 'a'"},
        {"<1a/>", "line 1, column 2: malformed element name"},
        {"<a>x<b/></a>", "line 1, column 5: text mixed with sub-nodes in element 'a'"},
        {"<a><b/>x</a>", "line 1, column 8: text mixed with sub-nodes in element 'a'"},
        {"<a>x<!--c-->y</a>", "line 1, column 13: text interrupted by markup in element 'a'"},
        {"<a><!-- x </a>", "line 1, column 4: unterminated comment"},
        {"<?xml <a/>", "line 1, column 1: unterminated processing instruction"},
        {"<!DOCTYPE a><a/>", "line 1, column 1: DOCTYPE and CDATA are not supported"},
        {"<a><![CDATA[x]]></a>", "line 1, column 4: DOCTYPE and CDATA are not supported"},
        {"<a></a >", NULL},
        {"<a></a x>", "line 1, column 8: expected '>' in end tag of element 'a'"},
        {"<a\n\n  x='1'", "line 1, column 1: unterminated start tag 'a'"},
        {"</a>", "line 1, column 1: expected the root element"},
        /* a typo'd end tag is blamed, not the later tag that finds its element open */
        {"<a><b></x></a>", "line 1, column 7: end tag does not match element 'b'"},
        {"<a>\n<b>\n</b_>", "line 3, column 1: end tag does not match element 'b'"},
};

static void
rejections_say_what_and_where(void)
{
	for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *b = &bad_cases[i];
		status_t s = parse(b->src);
		if (!b->message) {
			CHECK_EQ(s, STATUS_OK);
			continue;
		}
		if (!CHECK_EQ(s, STATUS_INVALID_ARGS) || !CHECK_STR(error_text(), b->message))
			fprintf(stderr, "  input: %s\n", b->src);
		CHECK(node_tree_root(&tree) == NULL);
	}
}

static void
nul_byte_rejected(void)
{
	node_tree_init(&tree, nodes, 64, attrs, 64);
	CHECK_EQ(xml_parse(&tree, "<a>x\0y</a>", 10, &err), STATUS_INVALID_ARGS);
	CHECK_STR(error_text(), "line 1, column 5: NUL byte in the text of 'a'");
	CHECK_EQ(xml_parse(&tree, "<a x='\0'/>", 10, &err), STATUS_INVALID_ARGS);
	CHECK_EQ(xml_parse(&tree, NULL, 3, &err), STATUS_INVALID_ARGS);
	CHECK_EQ(xml_parse(&tree, NULL, 0, &err), STATUS_INVALID_ARGS);
	CHECK_STR(error_text(), "line 1, column 1: no root element");
}

static void
storage_limits(void)
{
	CHECK_EQ(parse_n("<a><b/><c/></a>", 2, 4), STATUS_OUT_OF_MEMORY);
	CHECK_STR(error_text(), "line 1, column 8: node storage exhausted at element 'c'");
	CHECK_EQ(parse_n("<a x='1' y='2'/>", 4, 1), STATUS_OUT_OF_MEMORY);
	CHECK_STR(error_text(), "line 1, column 10: attribute storage exhausted at 'y'");
	CHECK_EQ(parse_n("<a/>", 0, 0), STATUS_OUT_OF_MEMORY);
	CHECK_EQ(parse_n("<a><b/><c/></a>", 3, 0), STATUS_OK);

	uint32_t n, a;
	xml_storage_needed(new_syntax, strlen(new_syntax), &n, &a);
	CHECK_EQ(parse_n(new_syntax, n, a), STATUS_OK);
	CHECK(tree.node_count <= n && tree.attr_count <= a);
}

/* nesting costs node storage, never stack */
static void
deep_nesting(void)
{
	enum { DEPTH = 100000 };
	char *src = malloc(DEPTH * 7 + 1);
	struct node *many = malloc(DEPTH * sizeof(*many));
	if (!CHECK(src && many))
		goto out;
	char *p = src;
	for (int i = 0; i < DEPTH; i++)
		p += sprintf(p, "<n>");
	for (int i = 0; i < DEPTH; i++)
		p += sprintf(p, "</n>");
	node_tree_init(&tree, many, DEPTH, attrs, 0);
	CHECK_EQ(xml_parse(&tree, src, (size_t)(p - src), &err), STATUS_OK);
	CHECK_EQ(tree.node_count, DEPTH);
	CHECK(tree.nodes[DEPTH - 1].parent == &tree.nodes[DEPTH - 2]);
	node_tree_init(&tree, many, DEPTH - 1, attrs, 0);
	CHECK_EQ(xml_parse(&tree, src, (size_t)(p - src), &err), STATUS_OUT_OF_MEMORY);
out:
	free(src);
	free(many);
}

/* a huge attribute is data like any other: parsed, neither copied nor truncated */
static void
huge_attribute(void)
{
	enum { SIZE = 1 << 20 };
	char *src = malloc(SIZE + 32);
	if (!CHECK(src != NULL)) {
		free(src);
		return;
	}
	int n = sprintf(src, "<a v='");
	memset(src + n, 'x', SIZE);
	n += SIZE;
	n += sprintf(src + n, "'/>");
	node_tree_init(&tree, nodes, 64, attrs, 64);
	CHECK_EQ(xml_parse(&tree, src, (size_t)n, &err), STATUS_OK);
	const struct node_value *v = node_attribute(node_tree_root(&tree), "v");
	CHECK(v && v->text.len == SIZE);
	/* the same value, unterminated, is reported at its start */
	CHECK_EQ(xml_parse(&tree, src, (size_t)n - 3, &err), STATUS_INVALID_ARGS);
	CHECK_STR(error_text(), "line 1, column 7: unterminated value of attribute 'v'");
	free(src);
}

/* bytes outside any markup, or binary garbage, name their position */
static void
stray_bytes(void)
{
	static const char *const inputs[] = {"\xff\xfe<a/>", "<a/>\x01", "\x01", "<a\x7f/>",
	                                     "<a>\x00</a>",  "<<<<",     ">>>"};
	static const size_t lens[] = {6, 5, 1, 5, 8, 4, 3};
	for (unsigned i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		node_tree_init(&tree, nodes, 64, attrs, 64);
		CHECK_EQ(xml_parse(&tree, inputs[i], lens[i], &err), STATUS_INVALID_ARGS);
		CHECK(strstr(error_text(), "line 1, column ") == error_text());
	}
}

/*
 * An end tag that closes no open element (Genode's nested_config has one
 * after a self-closed <service/>) is skipped, and the tree names it.
 */
static void
stray_end_tag_warned(void)
{
	CHECK_EQ(parse("<r>\n <s n='x'/> <p/> </s>\n <t/></r>"), STATUS_OK);
	CHECK_EQ(tree.node_count, 4);
	CHECK_EQ(tree.warning_count, 1);
	char buf[96];
	node_error_format(&tree.warnings[0], buf, sizeof(buf));
	CHECK_STR(buf, "line 2, column 18: stray end tag ignored: 's'");
	CHECK_EQ(parse("<r></x></y></z></w></v></u></r>"), STATUS_OK);
	CHECK_EQ(tree.warning_count, 6);
	CHECK_STR(tree.warnings[NODE_TREE_WARNINGS_MAX - 1].name, "w");
	CHECK_EQ(parse("<r/>"), STATUS_OK);
	CHECK_EQ(tree.warning_count, 0);
}

static void
reparse_replaces_tree(void)
{
	CHECK_EQ(parse("<a><b/></a>"), STATUS_OK);
	CHECK_EQ(xml_parse(&tree, "<c/>", 4, &err), STATUS_OK);
	CHECK_EQ(tree.node_count, 1);
	CHECK(node_has_type(node_tree_root(&tree), "c"));
	CHECK_EQ(err.status, STATUS_OK);
	CHECK_EQ(xml_parse(&tree, "<c>", 3, NULL), STATUS_INVALID_ARGS);
	CHECK_EQ(tree.format, NODE_FORMAT_NONE);
}

TEST_MAIN(TEST_CASE(new_init_syntax), TEST_CASE(raw_span_reparses), TEST_CASE(old_init_syntax),
          TEST_CASE(entities_in_text_and_attributes), TEST_CASE(rejections_say_what_and_where),
          TEST_CASE(nul_byte_rejected), TEST_CASE(storage_limits), TEST_CASE(deep_nesting),
          TEST_CASE(huge_attribute), TEST_CASE(stray_bytes), TEST_CASE(stray_end_tag_warned),
          TEST_CASE(reparse_replaces_tree))
