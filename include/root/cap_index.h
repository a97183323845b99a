/*
 * \brief  Objects found by a capability: an AVL tree by capability key
 *
 * A server finds its session (or a dataspace, a signal context, a thread)
 * by the capability a client hands back. Comparing that capability with
 * every object's own (cap_same) costs platform calls per object; the
 * index asks the platform once for the key (cap_key_get) and then
 * compares plain numbers, O(log n).
 *
 * The index never allocates: the caller embeds a struct cap_index_entry
 * in its object (CAP_INDEX_ENTRY gets back to the object). Used on one
 * thread (the server's entrypoint).
 */

#ifndef _INCLUDE__ROOT__CAP_INDEX_H_
#define _INCLUDE__ROOT__CAP_INDEX_H_

#include <stddef.h>

#include <base/capability.h>
#include <base/status.h>
#include <util/avl.h>

struct cap_index_entry {
	struct avl_node node;
	struct cap_key key;
};

struct cap_index {
	struct avl_tree tree;
};

#define CAP_INDEX_ENTRY(e, type, member) ((type *)(void *)((char *)(e)-offsetof(type, member)))

void cap_index_init(struct cap_index *index);

/*
 * Link e (BORROWED until removed) under the key of cap (BORROWED).
 * STATUS_INVALID_CAP if cap is not an open selector, STATUS_CONFLICT if an
 * entry of the same object is in the index already.
 */
status_t cap_index_insert(struct cap_index *index, struct cap_index_entry *e, cap_t cap);

/* unlink e; nothing happens if it is not linked */
void cap_index_remove(struct cap_index *index, struct cap_index_entry *e);

/* the entry of the object cap (BORROWED, any copy) names, or NULL */
struct cap_index_entry *cap_index_lookup(const struct cap_index *index, cap_t cap);

/* the same for a key taken already (cap_key_get): no system call */
struct cap_index_entry *cap_index_find(const struct cap_index *index, const struct cap_key *key);

static inline size_t
cap_index_count(const struct cap_index *index)
{
	return avl_count(&index->tree);
}

/* in key order; NULL past the end */
struct cap_index_entry *cap_index_first(const struct cap_index *index);
struct cap_index_entry *cap_index_next(const struct cap_index_entry *e);

#endif /* _INCLUDE__ROOT__CAP_INDEX_H_ */
