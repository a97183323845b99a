/*
 * \brief  Test cases of test-signal-unit, one function per case
 */

#ifndef _TESTS__UNIT__SIGNAL__CASES_H_
#define _TESTS__UNIT__SIGNAL__CASES_H_

#include <base/signal.h>

/* basic.c: one process, one thread */
void signal_coalesce(void);
void signal_several_contexts(void);
void signal_delivery_order(void);
void signal_large_counts(void);
void signal_saturates_at_limit(void);
void signal_dissolve_harmless(void);
void signal_invalid_caps(void);
void signal_reused_number(void);
void signal_never_blocks(void);
void signal_destroy_with_contexts(void);

/* page.c: the count page */
void signal_page_garbage(void);
void signal_page_empty_ring(void);
void signal_page_adopt_checks(void);

/* process.c: capabilities in other processes */
void signal_other_process(void);
void signal_through_rpc(void);

/* threads.c: concurrency and entrypoints */
void signal_threads_sum(void);
void signal_several_waiters(void);
void signal_dissolve_while_waiting(void);
void signal_handler_dispatch(void);
void signal_handler_beside_rpc(void);

/* a receiver with n contexts whose imprints are their indices */
struct signal_receiver *test_receiver(struct signal_context **ctx, unsigned n);

/* wait up to 5 s; false (and a FAIL line) if nothing came */
bool test_wait(struct signal_receiver *r, struct signal *s);

/* whether nothing is delivered within ms milliseconds */
bool test_quiet(struct signal_receiver *r, unsigned ms);

#endif /* _TESTS__UNIT__SIGNAL__CASES_H_ */
