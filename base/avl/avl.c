/*
 * \brief  Intrusive AVL tree: linking, unlinking and rebalancing
 *
 * Nodes keep their height and a parent link. The parent link makes every
 * walk iterative (no recursion, no explicit stack) and lets removal
 * rebalance bottom-up from the point of change.
 */

#include <util/avl.h>

static int
height(const struct avl_node *n)
{
	return n ? n->height : 0;
}

/* recompute height and the user's summary once both children are final */
static void
refresh(const struct avl_tree *tree, struct avl_node *n)
{
	int l = height(n->left), r = height(n->right);
	n->height = 1 + (l > r ? l : r);
	if (tree->update)
		tree->update(n);
}

/* make parent (or the root) point to new_child where it pointed to old */
static void
replace_child(struct avl_tree *tree, struct avl_node *parent, const struct avl_node *old,
              struct avl_node *new_child)
{
	if (!parent)
		tree->root = new_child;
	else if (parent->left == old)
		parent->left = new_child;
	else
		parent->right = new_child;
	if (new_child)
		new_child->parent = parent;
}

static struct avl_node *
rotate_left(struct avl_tree *tree, struct avl_node *x)
{
	struct avl_node *y = x->right;
	x->right = y->left;
	if (y->left)
		y->left->parent = x;
	replace_child(tree, x->parent, x, y);
	y->left = x;
	x->parent = y;
	refresh(tree, x);
	refresh(tree, y);
	return y;
}

static struct avl_node *
rotate_right(struct avl_tree *tree, struct avl_node *x)
{
	struct avl_node *y = x->left;
	x->left = y->right;
	if (y->right)
		y->right->parent = x;
	replace_child(tree, x->parent, x, y);
	y->right = x;
	x->parent = y;
	refresh(tree, x);
	refresh(tree, y);
	return y;
}

/* restore the AVL property at n; returns the new root of n's subtree */
static struct avl_node *
rebalance(struct avl_tree *tree, struct avl_node *n)
{
	int balance = height(n->left) - height(n->right);

	if (balance > 1) {
		if (height(n->left->left) < height(n->left->right))
			rotate_left(tree, n->left);
		return rotate_right(tree, n);
	}
	if (balance < -1) {
		if (height(n->right->right) < height(n->right->left))
			rotate_right(tree, n->right);
		return rotate_left(tree, n);
	}
	refresh(tree, n);
	return n;
}

/*
 * Rebalance from n up to the root. The walk does not stop early when a
 * height stays the same, because the user's summaries above may still
 * have changed; the path is O(log n) long either way.
 */
static void
fix_upward(struct avl_tree *tree, struct avl_node *n)
{
	while (n)
		n = rebalance(tree, n)->parent;
}

void
avl_init(struct avl_tree *tree, avl_compare_fn compare, avl_update_fn update)
{
	tree->root = NULL;
	tree->compare = compare;
	tree->update = update;
	tree->count = 0;
}

void
avl_node_init(struct avl_node *node)
{
	node->left = node->right = node->parent = NULL;
	node->height = 0;
}

status_t
avl_insert(struct avl_tree *tree, struct avl_node *node)
{
	struct avl_node *parent = NULL, **link = &tree->root;

	if (avl_node_linked(node))
		return STATUS_INVALID_ARGS;
	while (*link) {
		parent = *link;
		int c = tree->compare(node, parent);
		if (c == 0)
			return STATUS_CONFLICT;
		link = c < 0 ? &parent->left : &parent->right;
	}
	node->left = node->right = NULL;
	node->parent = parent;
	node->height = 1;
	*link = node;
	tree->count++;
	if (tree->update)
		tree->update(node);
	fix_upward(tree, parent);
	return STATUS_OK;
}

static struct avl_node *
leftmost(struct avl_node *n)
{
	while (n && n->left)
		n = n->left;
	return n;
}

static struct avl_node *
rightmost(struct avl_node *n)
{
	while (n && n->right)
		n = n->right;
	return n;
}

/*
 * Put the in-order successor s of n (n has two children) into n's place.
 * Returns the lowest node whose subtree changed, where rebalancing starts.
 */
static struct avl_node *
splice_successor(struct avl_tree *tree, struct avl_node *n)
{
	struct avl_node *s = leftmost(n->right), *fix_from = s;

	if (s->parent != n) {
		fix_from = s->parent;
		s->parent->left = s->right;
		if (s->right)
			s->right->parent = s->parent;
		s->right = n->right;
		n->right->parent = s;
	}
	s->left = n->left;
	n->left->parent = s;
	replace_child(tree, n->parent, n, s);
	s->height = n->height;
	return fix_from;
}

status_t
avl_remove(struct avl_tree *tree, struct avl_node *node)
{
	struct avl_node *top = node, *fix_from;

	if (!avl_node_linked(node))
		return STATUS_NOT_FOUND;
	while (top->parent)
		top = top->parent;
	if (top != tree->root)
		return STATUS_NOT_FOUND;

	if (node->left && node->right) {
		fix_from = splice_successor(tree, node);
	} else {
		fix_from = node->parent;
		replace_child(tree, node->parent, node, node->left ? node->left : node->right);
	}
	tree->count--;
	avl_node_init(node);
	fix_upward(tree, fix_from);
	return STATUS_OK;
}

void
avl_node_changed(struct avl_tree *tree, struct avl_node *node)
{
	for (; node; node = node->parent)
		refresh(tree, node);
}

struct avl_node *
avl_find(const struct avl_tree *tree, const void *key, avl_key_compare_fn cmp)
{
	struct avl_node *n = tree->root;

	while (n) {
		int c = cmp(key, n);
		if (c == 0)
			return n;
		n = c < 0 ? n->left : n->right;
	}
	return NULL;
}

struct avl_node *
avl_find_ge(const struct avl_tree *tree, const void *key, avl_key_compare_fn cmp)
{
	struct avl_node *n = tree->root, *best = NULL;

	while (n) {
		int c = cmp(key, n);
		if (c == 0)
			return n;
		if (c < 0) {
			best = n;
			n = n->left;
		} else {
			n = n->right;
		}
	}
	return best;
}

struct avl_node *
avl_find_le(const struct avl_tree *tree, const void *key, avl_key_compare_fn cmp)
{
	struct avl_node *n = tree->root, *best = NULL;

	while (n) {
		int c = cmp(key, n);
		if (c == 0)
			return n;
		if (c > 0) {
			best = n;
			n = n->right;
		} else {
			n = n->left;
		}
	}
	return best;
}

struct avl_node *
avl_first(const struct avl_tree *tree)
{
	return leftmost(tree->root);
}

struct avl_node *
avl_last(const struct avl_tree *tree)
{
	return rightmost(tree->root);
}

struct avl_node *
avl_next(const struct avl_node *node)
{
	if (node->right)
		return leftmost(node->right);
	while (node->parent && node == node->parent->right)
		node = node->parent;
	return node->parent;
}

struct avl_node *
avl_prev(const struct avl_node *node)
{
	if (node->left)
		return rightmost(node->left);
	while (node->parent && node == node->parent->left)
		node = node->parent;
	return node->parent;
}

void
avl_clear(struct avl_tree *tree, void (*release)(void *ctx, struct avl_node *node), void *ctx)
{
	struct avl_node *n = tree->root;

	/* post-order: unlink a leaf, then continue at its former parent */
	while (n) {
		if (n->left) {
			n = n->left;
		} else if (n->right) {
			n = n->right;
		} else {
			struct avl_node *parent = n->parent;
			replace_child(tree, parent, n, NULL);
			avl_node_init(n);
			if (release)
				release(ctx, n);
			n = parent;
		}
	}
	tree->count = 0;
}
