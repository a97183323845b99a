/*
 * \brief  test-timer: parts shared by its phases
 */

#ifndef _OS__TEST__TIMER__TEST_TIMER_H_
#define _OS__TEST__TIMER__TEST_TIMER_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/env.h>
#include <timer_session/connection.h>

/*
 * Bounds are generous (a loaded 2-vCPU VM, the server preempted) but not
 * vacuous: a timer running at a wrong rate or ignoring a deadline fails.
 * Every wanted time is 2 s or more, so 30 % is 600 ms or more of delay:
 * the one-shot 2 s timeout may arrive 600 ms late, ten 1 s msleeps 300 ms
 * late each, and a periodic client's count in its 4 s window may be off
 * by 1.2 s of periods (the server counts the periods it was late for, so
 * only the window's ends move). Scheduling delays with both cores kept
 * busy by other processes are tens of ms natively, a few hundred in the
 * VM under TCG. Early is never allowed: the one-shot and the msleeps are
 * checked against their full time, measured from before the request.
 */
#define TEST_TIMER_SLACK_PERCENT 30u

/* whether value lies in expected +- TEST_TIMER_SLACK_PERCENT */
static inline bool
test_timer_within(uint64_t value, uint64_t expected)
{
	uint64_t slack = expected * TEST_TIMER_SLACK_PERCENT / 100u;
	return value + slack >= expected && value <= expected + slack;
}

struct test_periodic;

/* start the concurrent periodic clients: each its own session and thread */
bool test_periodic_start(struct env *env, struct test_periodic **out);

/* wait for them and check each one's count of wake-ups */
bool test_periodic_finish(struct test_periodic *p);

#endif /* _OS__TEST__TIMER__TEST_TIMER_H_ */
