/*
 * \brief  core's records of signal contexts: one tree for all, ordered by the platform
 */

#include "core_heap.h"
#include "platform.h"
#include "signal_context.h"

static int
record_order(const struct avl_node *a, const struct avl_node *b)
{
	return platform_signal_context_compare(AVL_ENTRY(a, struct signal_record, node)->context,
	                                       AVL_ENTRY(b, struct signal_record, node)->context);
}

static int
record_key_order(const void *key, const struct avl_node *n)
{
	return platform_signal_context_compare(*(const cap_t *)key,
	                                       AVL_ENTRY(n, struct signal_record, node)->context);
}

static struct avl_tree *
records(void)
{
	static struct avl_tree tree;
	static bool ready;
	if (!ready) {
		avl_init(&tree, record_order, 0);
		ready = true;
	}
	return &tree;
}

status_t
signal_record_create(const void *owner, struct signal_record **out)
{
	void *mem;
	status_t st = heap_alloc(core_heap(), sizeof(struct signal_record), &mem);
	if (st != STATUS_OK)
		return st;
	struct signal_record *r = mem;
	*r = (struct signal_record){
	        .owner = owner, .context = cap_invalid(), .page = cap_invalid()};
	avl_node_init(&r->node);
	st = platform_signal_context_alloc(&r->context, &r->page);
	if (st == STATUS_OK)
		st = avl_insert(records(), &r->node);
	if (st != STATUS_OK) {
		if (cap_valid(r->context))
			platform_signal_context_free(r->context, r->page);
		heap_free(core_heap(), r);
		return st;
	}
	*out = r;
	return STATUS_OK;
}

void
signal_record_destroy(struct signal_record *r)
{
	avl_remove(records(), &r->node);
	platform_signal_context_free(r->context, r->page);
	heap_free(core_heap(), r);
}

/* the successor is fetched first: a removal relinks nodes, it never moves them */
unsigned long
signal_record_destroy_all(const void *owner)
{
	unsigned long n = 0;
	struct avl_node *next;
	for (struct avl_node *e = avl_first(records()); e; e = next) {
		next = avl_next(e);
		struct signal_record *r = AVL_ENTRY(e, struct signal_record, node);
		if (r->owner == owner) {
			signal_record_destroy(r);
			n++;
		}
	}
	return n;
}

struct signal_record *
signal_record_find(cap_t cap)
{
	if (!cap_valid(cap))
		return 0;
	struct avl_node *n = avl_find(records(), &cap, record_key_order);
	return n ? AVL_ENTRY(n, struct signal_record, node) : 0;
}

unsigned long
signal_record_count(void)
{
	return (unsigned long)avl_count(records());
}
