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
