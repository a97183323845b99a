/*
 * \brief  test-thread: what its parts share
 */

#ifndef _OS__TEST__THREAD__TEST_H_
#define _OS__TEST__THREAD__TEST_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/status.h>
#include <test/expect.h>
#include <base/thread.h>


/* whether addr lies in the context slot whose control block is t */
bool in_slot(const struct thread *t, uintptr_t addr);

/* sleep for a while (there is no timer yet: a semaphore wait that times out) */
void pause_us(uint64_t us);

/* the checks, run on the main thread inside the context area */
void check_many_threads(void);
void check_slot_exhaustion(void);
void check_names_and_tls(void);
void check_join(void);
void check_stack_alignment(void);
void check_main_in_context(void);

/* in the overflow child: run a thread off its stack (does not return) */
void overflow_thread(void);

#endif /* _OS__TEST__THREAD__TEST_H_ */
