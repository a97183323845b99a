/*
 * \brief  Unit test: intrusive doubly-linked list
 */

#include <stddef.h>

#include <util/list.h>

#include "../../harness/harness.h"

struct item {
	int value;
	struct list_elem link; /* deliberately not the first member */
};

static struct item items[6];

static void
setup(struct list *list, size_t count)
{
	list_init(list);
	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		items[i].value = (int)i;
		list_elem_init(&items[i].link);
	}
	for (size_t i = 0; i < count; i++)
		CHECK(list_insert_tail(list, &items[i].link));
}

/* the values in list order, as a number with one digit per element */
static long
values(const struct list *list)
{
	long v = 0;
	list_for_each(e, list) v = v * 10 + list_entry(e, struct item, link)->value;
	return v;
}

/* the values walked backwards, to check the prev links as well */
static long
values_reverse(const struct list *list)
{
	long v = 0;
	for (struct list_elem *e = list_last(list); e; e = list_prev(list, e))
		v = v * 10 + list_entry(e, struct item, link)->value;
	return v;
}

static void
empty(void)
{
	static struct list stat = LIST_INIT(stat);
	struct list list;
	list_init(&list);

	CHECK(list_empty(&list));
	CHECK(list_empty(&stat));
	CHECK(list_first(&list) == NULL);
	CHECK(list_last(&stat) == NULL);
	CHECK_EQ(list_count(&list), 0);
	CHECK_EQ(values(&list), 0);

	/* a zero-initialised element is on no list */
	struct item zero = {0};
	CHECK(!list_elem_linked(&zero.link));
}

static void
insert_order(void)
{
	struct list list;
	setup(&list, 0);

	CHECK(list_insert_tail(&list, &items[2].link));
	CHECK(list_insert_head(&list, &items[1].link));
	CHECK(list_insert_tail(&list, &items[4].link));
	CHECK(list_insert_after(&list, &items[2].link, &items[3].link));
	CHECK(list_insert_after(&list, &items[4].link, &items[5].link)); /* at the tail */
	CHECK(list_insert_after(&list, NULL, &items[0].link));           /* at the head */

	CHECK_EQ(values(&list), 12345);
	CHECK_EQ(values_reverse(&list), 543210);
	CHECK_EQ(list_count(&list), 6);
	CHECK(list_first(&list) == &items[0].link);
	CHECK(list_last(&list) == &items[5].link);
	CHECK(list_next(&list, &items[5].link) == NULL);
	CHECK(list_prev(&list, &items[0].link) == NULL);
}

static void
entry(void)
{
	struct list list;
	setup(&list, 3);
	struct item *it = list_entry(list_next(&list, list_first(&list)), struct item, link);
	CHECK(it == &items[1]);
	CHECK_EQ(it->value, 1);
}

static void
remove_positions(void)
{
	struct list list;
	setup(&list, 5);

	list_remove(&items[2].link); /* middle */
	CHECK_EQ(values(&list), 134);
	list_remove(&items[0].link); /* head */
	list_remove(&items[4].link); /* tail */
	CHECK_EQ(values(&list), 13);
	CHECK_EQ(values_reverse(&list), 31);
	CHECK_EQ(list_count(&list), 2);

	list_remove(&items[1].link);
	list_remove(&items[3].link);
	CHECK(list_empty(&list));
	CHECK_EQ(values_reverse(&list), 0);
}

static void
remove_twice(void)
{
	struct list list;
	setup(&list, 3);

	list_remove(&items[1].link);
	CHECK(!list_elem_linked(&items[1].link));
	CHECK(items[1].link.next == NULL && items[1].link.prev == NULL);

	/* a second removal, and one of a never-linked element, change nothing */
	list_remove(&items[1].link);
	list_remove(&items[5].link);
	CHECK_EQ(values(&list), 2);
	CHECK_EQ(list_count(&list), 2);
	CHECK(list_next(&list, &items[1].link) == NULL);
	CHECK(list_prev(&list, &items[1].link) == NULL);

	/* and a removed element can go on a list again */
	CHECK(list_insert_head(&list, &items[1].link));
	CHECK_EQ(values(&list), 102);
}

static void
insert_linked_refused(void)
{
	struct list list, other;
	setup(&list, 3);
	list_init(&other);

	CHECK(!list_insert_tail(&list, &items[0].link));
	CHECK(!list_insert_head(&other, &items[1].link));
	CHECK(!list_insert_after(&list, &items[2].link, &items[1].link));
	/* a position that is on no list */
	CHECK(!list_insert_after(&list, &items[4].link, &items[5].link));
	CHECK(!list_elem_linked(&items[5].link));

	CHECK_EQ(values(&list), 12);
	CHECK(list_empty(&other));
}

static void
for_each_safe_remove_all(void)
{
	struct list list;
	setup(&list, 6);
	unsigned visited = 0;

	list_for_each_safe(e, &list)
	{
		list_remove(e);
		visited++;
	}
	CHECK_EQ(visited, 6);
	CHECK(list_empty(&list));
	for (size_t i = 0; i < 6; i++)
		CHECK(!list_elem_linked(&items[i].link));
}

static void
for_each_safe_remove_some(void)
{
	struct list list, odd;
	setup(&list, 6);
	list_init(&odd);

	/* move the odd ones to another list while walking */
	list_for_each_safe(e, &list)
	{
		if (list_entry(e, struct item, link)->value % 2) {
			list_remove(e);
			CHECK(list_insert_tail(&odd, e));
		}
	}
	CHECK_EQ(values(&list), 24);
	CHECK_EQ(values(&odd), 135);
	CHECK_EQ(values_reverse(&odd), 531);
}

TEST_MAIN(TEST_CASE(empty), TEST_CASE(insert_order), TEST_CASE(entry), TEST_CASE(remove_positions),
          TEST_CASE(remove_twice), TEST_CASE(insert_linked_refused),
          TEST_CASE(for_each_safe_remove_all), TEST_CASE(for_each_safe_remove_some))
