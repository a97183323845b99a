/*
 * \brief  test-session_loop: one cycle of opening and closing sessions
 */

#ifndef _OS__TEST__SESSION_LOOP__SESSION_LOOP_H_
#define _OS__TEST__SESSION_LOOP__SESSION_LOOP_H_

#include <stdbool.h>

#include <base/env.h>

/*
 * Open a LOG, ROM, RAM, CPU and Timer session through the parent, use
 * each once and close them again, in an order that varies with n. With
 * leak set, the LOG session stays open (the deliberate leak the run
 * script must catch). Failures are counted by test/expect.h.
 */
void session_loop_cycle(struct env *env, unsigned n, bool leak);

#endif /* _OS__TEST__SESSION_LOOP__SESSION_LOOP_H_ */
