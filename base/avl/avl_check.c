/*
 * \brief  Structural self-check of an AVL tree, for tests and debugging
 */

#include <util/avl.h>

static int
height(const struct avl_node *n)
{
	return n ? n->height : 0;
}

/* the invariants that involve only n and its direct children */
static bool
node_ok(const struct avl_node *n)
{
	int l = height(n->left), r = height(n->right);

	if (n->left && n->left->parent != n)
		return false;
	if (n->right && n->right->parent != n)
		return false;
	if (n->height != 1 + (l > r ? l : r))
		return false;
	return l - r >= -1 && l - r <= 1;
}

bool
avl_check(const struct avl_tree *tree)
{
	const struct avl_node *n, *prev = NULL;
	size_t seen = 0;

	if (tree->root && tree->root->parent)
		return false;
	/*
	 * Visiting every node in order checks each parent link and height
	 * once. The walk stops as soon as it sees more nodes than counted, so
	 * that a tree whose links form a loop through the parents fails
	 * instead of hanging.
	 */
	for (n = avl_first(tree); n; n = avl_next(n)) {
		if (++seen > tree->count || !node_ok(n))
			return false;
		if (prev && tree->compare(prev, n) >= 0)
			return false;
		prev = n;
	}
	return seen == tree->count;
}
