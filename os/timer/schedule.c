/*
 * \brief  The schedule: every pending deadline of every session, ordered
 *
 * An AVL tree keyed by (deadline, insertion number): the earliest alarm
 * is the tree's first node, and insert and remove stay O(log n) however
 * many clients wait. The nodes live in the sessions (paid by their
 * clients), so the schedule never allocates.
 */

#include "service.h"

static int
timer_alarm_compare(const struct avl_node *a, const struct avl_node *b)
{
	const struct timer_alarm *x = AVL_ENTRY(a, const struct timer_alarm, node);
	const struct timer_alarm *y = AVL_ENTRY(b, const struct timer_alarm, node);

	if (x->deadline_us != y->deadline_us)
		return x->deadline_us < y->deadline_us ? -1 : 1;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return 0;
}

void
timer_schedule_init(struct timer_schedule *sched)
{
	avl_init(&sched->tree, timer_alarm_compare, 0);
	sched->next_seq = 0;
}

/* (re)arm alarm for deadline_us; an armed alarm is moved */
void
timer_schedule_insert(struct timer_schedule *sched, struct timer_alarm *alarm, uint64_t deadline_us)
{
	timer_schedule_remove(sched, alarm);
	alarm->deadline_us = deadline_us;
	alarm->seq = sched->next_seq++;
	/* cannot conflict: every insertion has its own number */
	(void)avl_insert(&sched->tree, &alarm->node);
}

void
timer_schedule_remove(struct timer_schedule *sched, struct timer_alarm *alarm)
{
	if (timer_alarm_armed(alarm))
		(void)avl_remove(&sched->tree, &alarm->node);
}

struct timer_alarm *
timer_schedule_first(const struct timer_schedule *sched)
{
	struct avl_node *n = avl_first(&sched->tree);

	return n ? AVL_ENTRY(n, struct timer_alarm, node) : 0;
}
