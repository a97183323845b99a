/*
 * \brief  Objects found by a capability: an AVL tree by capability key
 */

#include <root/cap_index.h>

static struct cap_index_entry *
entry_of(const struct avl_node *n)
{
	return n ? AVL_ENTRY(n, struct cap_index_entry, node) : 0;
}

static int
entry_compare(const struct avl_node *a, const struct avl_node *b)
{
	return cap_key_compare(&entry_of(a)->key, &entry_of(b)->key);
}

static int
key_compare(const void *key, const struct avl_node *n)
{
	return cap_key_compare(key, &entry_of(n)->key);
}

void
cap_index_init(struct cap_index *index)
{
	avl_init(&index->tree, entry_compare, 0);
}

status_t
cap_index_insert(struct cap_index *index, struct cap_index_entry *e, cap_t cap)
{
	avl_node_init(&e->node);
	status_t st = cap_key_get(cap, &e->key);
	return st == STATUS_OK ? avl_insert(&index->tree, &e->node) : st;
}

void
cap_index_remove(struct cap_index *index, struct cap_index_entry *e)
{
	if (avl_node_linked(&e->node))
		(void)avl_remove(&index->tree, &e->node);
}

struct cap_index_entry *
cap_index_lookup(const struct cap_index *index, cap_t cap)
{
	struct cap_key key;
	if (cap_key_get(cap, &key) != STATUS_OK)
		return 0;
	return cap_index_find(index, &key);
}

struct cap_index_entry *
cap_index_find(const struct cap_index *index, const struct cap_key *key)
{
	return entry_of(avl_find(&index->tree, key, key_compare));
}

struct cap_index_entry *
cap_index_first(const struct cap_index *index)
{
	return entry_of(avl_first(&index->tree));
}

struct cap_index_entry *
cap_index_next(const struct cap_index_entry *e)
{
	return entry_of(avl_next(&e->node));
}
