/*
 * \brief  A component's config ROM as a small node tree
 *
 * Most components read a handful of attributes of their <config> node.
 * This gives them the parsed root without each one sizing its own node
 * storage and repeating the ROM-then-parse sequence.
 */

#ifndef _INCLUDE__BASE__CONFIG_ROOT_H_
#define _INCLUDE__BASE__CONFIG_ROOT_H_

#include <base/env.h>
#include <util/node_tree.h>

enum { CONFIG_ROOT_NODES = 8, CONFIG_ROOT_ATTRS = 16 };

struct config_root {
	struct node nodes[CONFIG_ROOT_NODES];
	struct node_value attrs[CONFIG_ROOT_ATTRS];
	struct node_tree tree;
	struct node_error err; /* why the parse failed; attribute readers may reuse it */
};

/*
 * Parse env's config into c (the caller's storage, which the tree points
 * into). The root node, or NULL: then c->err.status is STATUS_NOT_FOUND
 * if the component has no config, else it and c->err say what the parser
 * found wrong and where.
 */
const struct node *config_root_parse(struct env *env, struct config_root *c);

#endif /* _INCLUDE__BASE__CONFIG_ROOT_H_ */
