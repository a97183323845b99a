/*
 * \brief  Unit test of scout's history
 */

#include <stdio.h>
#include <string.h>

#include "cases.h"
#include "fixture.h"

static struct scout_place
place(const char *doc, const char *anchor)
{
	struct scout_place p = {.scroll = 0};
	snprintf(p.doc, sizeof(p.doc), "%s", doc);
	snprintf(p.anchor, sizeof(p.anchor), "%s", anchor);
	return p;
}

void
history_follow_back_forward(void)
{
	struct scout_history h;
	struct scout_place a = place("a.txt", ""), b = place("b.txt", "x"), c = place("a.txt", "y");

	scout_history_init(&h, &a);
	CHECK(!scout_history_can_back(&h));
	CHECK(!scout_history_back(&h));
	CHECK(!scout_history_forward(&h));
	scout_history_current(&h)->scroll = 40; /* where a was left */
	scout_history_follow(&h, &b);
	scout_history_follow(&h, &c);
	CHECK_STR(scout_history_current(&h)->anchor, "y");
	CHECK(scout_history_back(&h));
	CHECK_STR(scout_history_current(&h)->doc, "b.txt");
	CHECK(scout_history_back(&h));
	CHECK_STR(scout_history_current(&h)->doc, "a.txt");
	CHECK_EQ(scout_history_current(&h)->scroll, 40);
	CHECK(!scout_history_back(&h));
	CHECK(scout_history_can_forward(&h));
	CHECK(scout_history_forward(&h));
	CHECK(scout_history_forward(&h));
	CHECK_STR(scout_history_current(&h)->anchor, "y");
	CHECK(!scout_history_forward(&h));
}

void
history_truncate(void)
{
	struct scout_history h;
	struct scout_place a = place("a", ""), b = place("b", ""), c = place("c", ""),
	                   d = place("d", "");

	scout_history_init(&h, &a);
	scout_history_follow(&h, &b);
	scout_history_follow(&h, &c);
	scout_history_back(&h);
	scout_history_back(&h);
	scout_history_follow(&h, &d); /* b and c are gone */
	CHECK_EQ(h.count, 2);
	CHECK(!scout_history_can_forward(&h));
	CHECK(scout_history_back(&h));
	CHECK_STR(scout_history_current(&h)->doc, "a");
	CHECK(scout_history_forward(&h));
	CHECK_STR(scout_history_current(&h)->doc, "d");
}

void
history_overflow(void)
{
	struct scout_history h;
	struct scout_place p = place("0", "");

	scout_history_init(&h, &p);
	for (unsigned i = 1; i < 200; i++) {
		p = place("", "");
		snprintf(p.doc, sizeof(p.doc), "%u", i);
		scout_history_follow(&h, &p);
	}
	CHECK_EQ(h.count, SCOUT_HISTORY_MAX);
	CHECK_STR(scout_history_current(&h)->doc, "199");
	unsigned steps = 0;
	while (scout_history_back(&h))
		steps++;
	CHECK_EQ(steps, SCOUT_HISTORY_MAX - 1);
	CHECK_STR(scout_history_current(&h)->doc, "136"); /* the oldest ones dropped */
}
