/*
 * \brief  Intrusive AVL tree: an ordered map without allocation
 *
 * The tree never allocates. The caller embeds a struct avl_node in its own
 * object and keeps ownership of that object: inserting links the node,
 * removing unlinks it, and neither touches anything but the node fields.
 * AVL_ENTRY gets from the node back to the enclosing object.
 *
 * Ordering comes from one node-versus-node compare callback given at init,
 * and lookups by key take a key-versus-node callback of the same sense.
 * Keys are unique: inserting a node equal to one already linked fails.
 *
 * An optional update callback lets a user keep a per-subtree summary in its
 * objects (an "augmented" tree, e.g. the largest free block below a node).
 * The tree calls it bottom-up for every node whose subtree changed, after
 * the node's children are final, so the summary of a node may be computed
 * from its own data and its two children's summaries.
 *
 * Every operation is iterative; the height stays below 1.45 * log2(n + 2).
 * The tree is not thread-safe; the caller serialises access.
 */

#ifndef _INCLUDE__UTIL__AVL_H_
#define _INCLUDE__UTIL__AVL_H_

#include <stdbool.h>
#include <stddef.h>

#include <base/status.h>

struct avl_node {
	struct avl_node *left;
	struct avl_node *right;
	struct avl_node *parent;
	int height; /* 0 while not linked into a tree, leaves have 1 */
};

/* <0, 0, >0 when a orders before, equal to, after b */
typedef int (*avl_compare_fn)(const struct avl_node *a, const struct avl_node *b);

/* <0, 0, >0 when key orders before, equal to, after the key of node */
typedef int (*avl_key_compare_fn)(const void *key, const struct avl_node *node);

/* recompute the user's subtree summary of node from node and its children */
typedef void (*avl_update_fn)(struct avl_node *node);

struct avl_tree {
	struct avl_node *root;
	avl_compare_fn compare;
	avl_update_fn update; /* may be NULL */
	size_t count;
};

/* the object of type that embeds node as member */
#define AVL_ENTRY(node, type, member) ((type *)(void *)((char *)(node)-offsetof(type, member)))

/* an empty tree; update may be NULL */
void avl_init(struct avl_tree *tree, avl_compare_fn compare, avl_update_fn update);

/* mark a node as not linked, so that avl_remove can reject it */
void avl_node_init(struct avl_node *node);

static inline bool
avl_node_linked(const struct avl_node *node)
{
	return node->height > 0;
}

/*
 * Link node into tree. The node is borrowed: it must stay valid and
 * unmoved until it is removed again. STATUS_CONFLICT if a node with an
 * equal key is already linked (the tree is unchanged), STATUS_INVALID_ARGS
 * if node is already linked somewhere.
 */
status_t avl_insert(struct avl_tree *tree, struct avl_node *node);

/*
 * Unlink node from tree and mark it not linked. STATUS_NOT_FOUND if node
 * is not linked into this tree (nothing changes).
 */
status_t avl_remove(struct avl_tree *tree, struct avl_node *node);

/*
 * Call after the key or summary data of a linked node changed in place:
 * re-runs the update callback from node up to the root. A key may change
 * in place only if it keeps the node's position in the order.
 */
void avl_node_changed(struct avl_tree *tree, struct avl_node *node);

/* the node whose key equals key, or NULL */
struct avl_node *avl_find(const struct avl_tree *tree, const void *key, avl_key_compare_fn cmp);

/* the smallest node with a key >= key (lower bound), or NULL */
struct avl_node *avl_find_ge(const struct avl_tree *tree, const void *key, avl_key_compare_fn cmp);

/* the largest node with a key <= key, or NULL */
struct avl_node *avl_find_le(const struct avl_tree *tree, const void *key, avl_key_compare_fn cmp);

/* in-order iteration; each returns NULL past the end */
struct avl_node *avl_first(const struct avl_tree *tree);
struct avl_node *avl_last(const struct avl_tree *tree);
struct avl_node *avl_next(const struct avl_node *node);
struct avl_node *avl_prev(const struct avl_node *node);

static inline size_t
avl_count(const struct avl_tree *tree)
{
	return tree->count;
}

/*
 * Unlink every node in O(n) without rebalancing, calling release (if not
 * NULL) once per node after it was unlinked; release may free the object.
 * The tree is empty afterwards.
 */
void avl_clear(struct avl_tree *tree, void (*release)(void *ctx, struct avl_node *node), void *ctx);

/*
 * Verify links, heights, balance, strict order and count in O(n), for
 * tests and debugging. Does not check the user's summaries.
 */
bool avl_check(const struct avl_tree *tree);

#endif /* _INCLUDE__UTIL__AVL_H_ */
