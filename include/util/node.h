/*
 * \brief  Format-neutral read access to a parsed configuration tree
 *
 * A component reads its config through these functions only, never through
 * the syntax it was written in, so the same code serves XML today and any
 * other front end (Genode's later HID syntax) that fills a struct node_tree.
 *
 * Lifetime: every span and value points into the source text the tree was
 * parsed from, and every node and value lives in storage the caller gave to
 * node_tree_init(). Both must outlive all use of the nodes. Nothing here
 * allocates, and nothing here modifies a tree.
 */

#ifndef _INCLUDE__UTIL__NODE_H_
#define _INCLUDE__UTIL__NODE_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/status.h>

/* a counted, not terminated, piece of the source text */
struct node_span {
	const char *start;
	size_t len;
};

/* how a value's text must be decoded before use */
enum node_escape {
	NODE_ESCAPE_NONE, /* text is used as it stands */
	NODE_ESCAPE_XML,  /* text contains validated XML character references */
};

/* an attribute, or the text content of a node */
struct node_value {
	struct node_span name; /* attribute name, or the node's type for content */
	struct node_span text; /* raw text, still escaped; see node_value_copy() */
	enum node_escape escape;
	uint32_t line, column; /* where text starts, 1-based */
};

struct node {
	struct node_span type;
	struct node_span raw;      /* whole node in its source syntax (tree->format) */
	struct node_value content; /* trimmed text of a leaf; empty otherwise */
	struct node_value *attrs;  /* attr_count values, in source order */
	uint32_t attr_count;
	uint32_t line, column;
	struct node *parent, *first_child, *last_child, *next_sibling;
};

/*
 * Where and why reading failed. 'what' is static text; 'name' holds the
 * offending tag or attribute name (possibly truncated, always terminated).
 */
struct node_error {
	status_t status;
	uint32_t line, column; /* 1-based, 0 when not tied to a position */
	const char *what;
	char name[40];
};

/*
 * Render an error as "line L, column C: what 'name'" into buf (size > 0,
 * always terminated). Returns the full length, as str_copy() does.
 */
size_t node_error_format(const struct node_error *e, char *buf, size_t size);

bool node_has_type(const struct node *n, const char *type);

/* first sub-node of the given type, or of any type if type is NULL */
const struct node *node_sub_node(const struct node *n, const char *type);

/* next sibling of the given type (NULL: any type) after n */
const struct node *node_next(const struct node *n, const char *type);

uint32_t node_sub_node_count(const struct node *n, const char *type);

/* first sub-node of the type whose attribute attr equals value */
const struct node *node_sub_node_with(const struct node *n, const char *type, const char *attr,
                                      const char *value);

/* the attribute called name, or NULL */
const struct node_value *node_attribute(const struct node *n, const char *name);
bool node_has_attribute(const struct node *n, const char *name);

/* the trimmed text of a leaf node, e.g. "512K" of <ram_quota>512K</ram_quota> */
const struct node_value *node_content(const struct node *n);

/*
 * Typed interpretation of a value. On malformed text these fill err (may be
 * NULL) with the value's position and name and return STATUS_INVALID_ARGS.
 * Numbers follow util/number.h; booleans are yes/true/on or no/false/off.
 */
status_t node_value_u64(const struct node_value *v, uint64_t *out, struct node_error *err);
status_t node_value_s64(const struct node_value *v, int64_t *out, struct node_error *err);
status_t node_value_size(const struct node_value *v, uint64_t *out, struct node_error *err);
status_t node_value_bool(const struct node_value *v, bool *out, struct node_error *err);

/*
 * Copy the decoded text into dst (terminated if size > 0). Returns the full
 * decoded length; a result >= size means the copy was truncated.
 */
size_t node_value_copy(const struct node_value *v, char *dst, size_t size);

/* compare the decoded text with s */
bool node_value_equal(const struct node_value *v, const char *s);

/*
 * Attribute shorthands: a missing attribute yields def and STATUS_OK, a
 * malformed one STATUS_INVALID_ARGS. For strings, a value that does not fit
 * dst gives STATUS_OUT_OF_MEMORY; def may be NULL (empty string).
 */
status_t node_attribute_u64(const struct node *n, const char *name, uint64_t def, uint64_t *out,
                            struct node_error *err);
status_t node_attribute_s64(const struct node *n, const char *name, int64_t def, int64_t *out,
                            struct node_error *err);
status_t node_attribute_size(const struct node *n, const char *name, uint64_t def, uint64_t *out,
                             struct node_error *err);
status_t node_attribute_bool(const struct node *n, const char *name, bool def, bool *out,
                             struct node_error *err);
status_t node_attribute_string(const struct node *n, const char *name, char *dst, size_t size,
                               const char *def, struct node_error *err);

#endif /* _INCLUDE__UTIL__NODE_H_ */
