/*
 * \brief  Intrusive doubly-linked list
 *
 * The links live inside the listed object (a struct list_elem member), so
 * putting an object on a list never allocates and cannot fail for memory,
 * which is what sessions, threads and regions in core need. The list is
 * circular around a sentinel, so insert and remove have no special cases
 * and list_remove does not need to know the list.
 *
 * An element on no list has NULL links. A zero-initialised object is thus
 * unlinked, list_elem_linked() tells whether an element is on a list, and
 * list_remove() of an unlinked element is a no-op, so a second removal in a
 * teardown path cannot corrupt anything. Inserting an element that is
 * already linked is refused (the insert functions return false).
 */

#ifndef _INCLUDE__UTIL__LIST_H_
#define _INCLUDE__UTIL__LIST_H_

#include <stdbool.h>
#include <stddef.h>

struct list_elem {
	struct list_elem *prev;
	struct list_elem *next;
};

struct list {
	struct list_elem head; /* sentinel: head.next is the first, head.prev the last */
};

/* for a static list: static struct list l = LIST_INIT(l); */
#define LIST_INIT(name)                            \
	{                                          \
		{                                  \
			&(name).head, &(name).head \
		}                                  \
	}

/* the object of type that embeds elem as member (elem must not be NULL) */
#define list_entry(elem, type, member) ((type *)(void *)((char *)(elem)-offsetof(type, member)))

static inline void
list_init(struct list *list)
{
	list->head.prev = &list->head;
	list->head.next = &list->head;
}

static inline void
list_elem_init(struct list_elem *elem)
{
	elem->prev = NULL;
	elem->next = NULL;
}

static inline bool
list_elem_linked(const struct list_elem *elem)
{
	return elem->next != NULL;
}

static inline bool
list_empty(const struct list *list)
{
	return list->head.next == &list->head;
}

/* internal: put the unlinked elem behind prev */
static inline void
list_link_behind(struct list_elem *prev, struct list_elem *elem)
{
	elem->prev = prev;
	elem->next = prev->next;
	prev->next->prev = elem;
	prev->next = elem;
}

/*
 * Insert elem behind pos, which must be on list; a NULL pos means at the
 * head. False, with nothing changed, if elem is already on a list or pos is
 * on none.
 */
static inline bool
list_insert_after(struct list *list, struct list_elem *pos, struct list_elem *elem)
{
	if (list_elem_linked(elem) || (pos && !list_elem_linked(pos)))
		return false;
	list_link_behind(pos ? pos : &list->head, elem);
	return true;
}

static inline bool
list_insert_head(struct list *list, struct list_elem *elem)
{
	return list_insert_after(list, NULL, elem);
}

static inline bool
list_insert_tail(struct list *list, struct list_elem *elem)
{
	if (list_elem_linked(elem))
		return false;
	list_link_behind(list->head.prev, elem);
	return true;
}

/* unlink elem from whatever list it is on; a no-op if it is on none */
static inline void
list_remove(struct list_elem *elem)
{
	if (!list_elem_linked(elem))
		return;
	elem->prev->next = elem->next;
	elem->next->prev = elem->prev;
	list_elem_init(elem);
}

/* NULL if the list is empty */
static inline struct list_elem *
list_first(const struct list *list)
{
	return list_empty(list) ? NULL : list->head.next;
}

static inline struct list_elem *
list_last(const struct list *list)
{
	return list_empty(list) ? NULL : list->head.prev;
}

/* the element after elem on list, NULL at the end or if elem is unlinked */
static inline struct list_elem *
list_next(const struct list *list, const struct list_elem *elem)
{
	return elem->next == &list->head ? NULL : elem->next;
}

static inline struct list_elem *
list_prev(const struct list *list, const struct list_elem *elem)
{
	return elem->prev == &list->head ? NULL : elem->prev;
}

static inline size_t
list_count(const struct list *list)
{
	size_t n = 0;
	for (const struct list_elem *e = list->head.next; e != &list->head; e = e->next)
		n++;
	return n;
}

/*
 * Visit every element, declaring elem (a struct list_elem *) for the body.
 * The body must not remove elem; list is evaluated more than once.
 */
#define list_for_each(elem, list) \
	for (struct list_elem *elem = list_first(list); elem; elem = list_next((list), elem))

/*
 * The same, but the body may remove (or free) elem, because the next element
 * is looked up before the body runs. The body must not remove that next
 * element, which is kept in elem##_next.
 */
#define list_for_each_safe(elem, list)                                              \
	for (struct list_elem *elem = list_first(list),                             \
	                      *elem##_next = elem ? list_next((list), elem) : NULL; \
	     elem; elem = elem##_next, elem##_next = elem ? list_next((list), elem) : NULL)

#endif /* _INCLUDE__UTIL__LIST_H_ */
