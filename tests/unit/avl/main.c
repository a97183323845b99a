/*
 * \brief  Unit test: the intrusive AVL tree against a bitmap model
 */

#include <stdint.h>
#include <string.h>

#include <util/avl.h>

#include "../../harness/harness.h"

enum { KEYS = 1024 };

struct item {
	struct avl_node node;
	int key;
	size_t subtree; /* nodes in the subtree, kept by the update callback */
};

static struct item items[KEYS];
static struct item twins[KEYS]; /* same keys as items, never linked */
static bool present[KEYS];      /* the model: which keys are in the tree */


static struct item *
item_of(const struct avl_node *n)
{
	return n ? AVL_ENTRY(n, struct item, node) : NULL;
}

static int
item_compare(const struct avl_node *a, const struct avl_node *b)
{
	return item_of(a)->key - item_of(b)->key;
}

static int
key_compare(const void *key, const struct avl_node *n)
{
	return *(const int *)key - item_of(n)->key;
}

static size_t
subtree_of(const struct avl_node *n)
{
	return n ? item_of(n)->subtree : 0;
}

static void
item_update(struct avl_node *n)
{
	item_of(n)->subtree = 1 + subtree_of(n->left) + subtree_of(n->right);
}

static void
setup(struct avl_tree *t)
{
	avl_init(t, item_compare, item_update);
	for (int i = 0; i < KEYS; i++) {
		avl_node_init(&items[i].node);
		items[i].key = i;
		avl_node_init(&twins[i].node);
		twins[i].key = i;
		present[i] = false;
	}
}

/* the fewest nodes an AVL tree of height h can have (a Fibonacci bound) */
static bool
height_ok(const struct avl_tree *t)
{
	size_t lo = 0, hi = 1; /* minimal sizes for heights h-1 and h */
	int h = t->root ? t->root->height : 0;

	if (h == 0)
		return avl_count(t) == 0;
	for (int i = 1; i < h; i++) {
		size_t next = lo + hi + 1;
		lo = hi;
		hi = next;
	}
	return avl_count(t) >= hi;
}

/* in-order walk, count and summaries match the model */
static bool
matches_model(const struct avl_tree *t)
{
	struct avl_node *n = avl_first(t);
	size_t count = 0;

	for (int k = 0; k < KEYS; k++) {
		if (!present[k])
			continue;
		if (!n || item_of(n)->key != k)
			return false;
		n = avl_next(n);
		count++;
	}
	if (n || count != avl_count(t) || subtree_of(t->root) != count)
		return false;
	return avl_check(t) && height_ok(t);
}

static int
model_ge(int k)
{
	for (; k < KEYS; k++)
		if (present[k])
			return k;
	return -1;
}

static int
model_le(int k)
{
	for (; k >= 0; k--)
		if (present[k])
			return k;
	return -1;
}

static int
key_or_none(const struct avl_node *n)
{
	return n ? item_of(n)->key : -1;
}

static bool
random_step(struct avl_tree *t)
{
	int k = (int)test_random(KEYS);
	switch (test_random(4)) {
	case 0:
		if (present[k])
			return avl_insert(t, &twins[k].node) == STATUS_CONFLICT &&
			       avl_insert(t, &items[k].node) == STATUS_INVALID_ARGS;
		present[k] = true;
		return avl_insert(t, &items[k].node) == STATUS_OK;
	case 1: {
		status_t want = present[k] ? STATUS_OK : STATUS_NOT_FOUND;
		present[k] = false;
		return avl_remove(t, &items[k].node) == want;
	}
	case 2:
		return key_or_none(avl_find(t, &k, key_compare)) == (present[k] ? k : -1);
	default: {
		/* probe keys just outside the range, too */
		int probe = k - 2 + (int)test_random(5);
		return key_or_none(avl_find_ge(t, &probe, key_compare)) ==
		               model_ge(probe < 0 ? 0 : probe) &&
		       key_or_none(avl_find_le(t, &probe, key_compare)) ==
		               model_le(probe >= KEYS ? KEYS - 1 : probe);
	}
	}
}

static void
random_against_model(void)
{
	struct avl_tree t;
	unsigned steps = 0;

	setup(&t);
	test_random_seed(0x2545f4914f6cdd1dull);
	for (; steps < 200000; steps++) {
		if (!random_step(&t))
			break;
		if (steps % 997 == 0 && !matches_model(&t))
			break;
	}
	CHECK_EQ(steps, 200000);
	CHECK(matches_model(&t));
}

static void
duplicate_key_conflicts(void)
{
	struct avl_tree t;
	struct item twin = {.key = 7};

	setup(&t);
	avl_node_init(&twin.node);
	CHECK_EQ(avl_insert(&t, &items[7].node), STATUS_OK);
	CHECK_EQ(avl_insert(&t, &twin.node), STATUS_CONFLICT);
	CHECK(!avl_node_linked(&twin.node));
	CHECK_EQ(avl_count(&t), 1);
	CHECK(item_of(avl_find(&t, &twin.key, key_compare)) == &items[7]);
}

static void
wrong_calls_rejected(void)
{
	struct avl_tree t, other;

	setup(&t);
	avl_init(&other, item_compare, NULL);
	CHECK_EQ(avl_remove(&t, &items[1].node), STATUS_NOT_FOUND);
	CHECK_EQ(avl_insert(&t, &items[1].node), STATUS_OK);
	CHECK_EQ(avl_insert(&t, &items[2].node), STATUS_OK);
	CHECK_EQ(avl_insert(&t, &items[1].node), STATUS_INVALID_ARGS);
	CHECK_EQ(avl_insert(&other, &items[3].node), STATUS_OK);
	/* a node of another tree is not removed from this one */
	CHECK_EQ(avl_remove(&t, &items[3].node), STATUS_NOT_FOUND);
	CHECK_EQ(avl_count(&t), 2);
	CHECK_EQ(avl_remove(&t, &items[1].node), STATUS_OK);
	CHECK_EQ(avl_remove(&t, &items[1].node), STATUS_NOT_FOUND);
	CHECK(avl_check(&t) && avl_check(&other));
}

static void
empty_tree(void)
{
	struct avl_tree t;
	int k = 5;

	setup(&t);
	CHECK(avl_first(&t) == NULL && avl_last(&t) == NULL);
	CHECK(avl_find(&t, &k, key_compare) == NULL);
	CHECK(avl_find_ge(&t, &k, key_compare) == NULL);
	CHECK(avl_find_le(&t, &k, key_compare) == NULL);
	CHECK(avl_check(&t));
	avl_clear(&t, NULL, NULL);
	CHECK_EQ(avl_count(&t), 0);
}

/* sorted insertion is the classic way to degenerate an unbalanced tree */
static void
sorted_insert_stays_balanced(void)
{
	enum { N = 100000 };
	static struct item many[N];
	struct avl_tree t;

	avl_init(&t, item_compare, NULL);
	for (int i = 0; i < N; i++) {
		avl_node_init(&many[i].node);
		many[i].key = i;
		if (avl_insert(&t, &many[i].node) != STATUS_OK)
			break;
	}
	CHECK_EQ(avl_count(&t), N);
	CHECK(avl_check(&t) && height_ok(&t));
	CHECK(t.root->height <= 24); /* 1.44 * log2(N) is about 23.9 */

	/* remove every other one from the front, then walk backwards */
	for (int i = 0; i < N; i += 2)
		avl_remove(&t, &many[i].node);
	CHECK(avl_check(&t) && height_ok(&t));
	int expect = N - 1, seen = 0;
	for (struct avl_node *n = avl_last(&t); n; n = avl_prev(n), expect -= 2, seen++)
		if (item_of(n)->key != expect)
			break;
	CHECK_EQ(seen, N / 2);
}

static unsigned released;

static void
count_release(void *ctx, struct avl_node *n)
{
	released++;
	CHECK(!avl_node_linked(n));
	CHECK(ctx == &released);
}

static void
clear_releases_every_node(void)
{
	struct avl_tree t;

	setup(&t);
	for (int k = 0; k < KEYS; k += 3) {
		avl_insert(&t, &items[k].node);
		present[k] = true;
	}
	CHECK(matches_model(&t));
	size_t count = avl_count(&t);
	released = 0;
	avl_clear(&t, count_release, &released);
	CHECK_EQ(released, count);
	CHECK(t.root == NULL && avl_count(&t) == 0);
	CHECK_EQ(avl_insert(&t, &items[0].node), STATUS_OK);
}

/* changing a node's summary data in place propagates to the root */
static void
node_changed_updates_summaries(void)
{
	struct avl_tree t;

	setup(&t);
	for (int k = 0; k < 64; k++)
		avl_insert(&t, &items[k].node);
	items[40].subtree = 1000; /* corrupt one summary below the root */
	avl_node_changed(&t, &items[40].node);
	CHECK_EQ(subtree_of(t.root), 64);
	CHECK_EQ(items[40].subtree,
	         1 + subtree_of(items[40].node.left) + subtree_of(items[40].node.right));
	CHECK(avl_check(&t));
}

TEST_MAIN(TEST_CASE(random_against_model), TEST_CASE(duplicate_key_conflicts),
          TEST_CASE(wrong_calls_rejected), TEST_CASE(empty_tree),
          TEST_CASE(sorted_insert_stays_balanced), TEST_CASE(clear_releases_every_node),
          TEST_CASE(node_changed_updates_summaries))
