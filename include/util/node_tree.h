/*
 * \brief  Storage of a parsed configuration tree, and how parsers fill it
 *
 * The caller owns two arrays, one of nodes and one of attribute values, and
 * lends them to the tree; a parser only appends to them. Fixed storage keeps
 * the parsers free of any heap, and a config that needs more than the
 * caller budgeted is reported as STATUS_OUT_OF_MEMORY instead of growing.
 */

#ifndef _INCLUDE__UTIL__NODE_TREE_H_
#define _INCLUDE__UTIL__NODE_TREE_H_

#include <util/node.h>

enum node_format {
	NODE_FORMAT_NONE, /* nothing parsed yet */
	NODE_FORMAT_XML,
};

enum { NODE_TREE_WARNINGS_MAX = 4 };

struct node_tree {
	struct node *nodes;
	uint32_t node_capacity, node_count;
	struct node_value *attrs;
	uint32_t attr_capacity, attr_count;
	struct node_span source; /* borrowed from the parser's caller */
	enum node_format format; /* syntax of every node's raw span */
	/*
	 * What a parser recovered from (e.g. a stray end tag): the first
	 * NODE_TREE_WARNINGS_MAX in detail, all of them counted, so that the
	 * user of the tree can name each place.
	 */
	struct node_error warnings[NODE_TREE_WARNINGS_MAX];
	uint32_t warning_count;
};

/* lend storage to t; it stays the caller's, and t is empty afterwards */
void node_tree_init(struct node_tree *t, struct node *nodes, uint32_t node_capacity,
                    struct node_value *attrs, uint32_t attr_capacity);

/* the root node, or NULL if the tree is empty */
const struct node *node_tree_root(const struct node_tree *t);

/* for parsers: note a recovered problem at line:column (counted beyond the maximum) */
void node_tree_warn(struct node_tree *t, uint32_t line, uint32_t column, const char *what,
                    struct node_span name);

/* for parsers: forget all nodes and start over on a new source text */
void node_tree_reset(struct node_tree *t, const char *src, size_t len, enum node_format format);

/*
 * For parsers: append a zeroed node as the last sub-node of parent (NULL
 * for the root). Returns NULL when the storage is full or a second root
 * is attempted.
 */
struct node *node_tree_add_node(struct node_tree *t, struct node *parent);

/*
 * For parsers: append an attribute value to n. The attributes of one node
 * must be added before any other node's, so that they stay contiguous;
 * NULL when the storage is full or that rule is broken.
 */
struct node_value *node_tree_add_attr(struct node_tree *t, struct node *n);

/*
 * Fill e (may be NULL) and return s, so that every failure path is one line:
 * return node_error_set(err, STATUS_INVALID_ARGS, line, col, "why", name);
 */
status_t node_error_set(struct node_error *e, status_t s, uint32_t line, uint32_t column,
                        const char *what, struct node_span name);

/*
 * Decode the XML character reference at s ("&amp;", "&#60;", "&#x3C;").
 * Stores its UTF-8 encoding in out and its length in out_len and returns the
 * number of source bytes consumed, or 0 if s holds no valid reference.
 * Parsers use it to validate, node_value_copy() to decode.
 */
size_t node_escape_xml_decode(const char *s, size_t len, char out[4], size_t *out_len);

#endif /* _INCLUDE__UTIL__NODE_TREE_H_ */
