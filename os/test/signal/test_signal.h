/*
 * \brief  Shared helpers of the test-signal component
 */

#ifndef _OS__TEST__SIGNAL__TEST_SIGNAL_H_
#define _OS__TEST__SIGNAL__TEST_SIGNAL_H_

#include <stdbool.h>

#include <base/signal.h>
#include <base/thread.h>
#include <util/format.h>

/* if !ok: log "Error: <text>" and end the component with -1 */
void expect(bool ok, const char *fmt, ...) FORMAT_PRINTF(2, 3);

void sleep_ms(unsigned ms);

/* a started thread; a failure to create it fails the test */
struct thread *spawn(const char *name, thread_entry_t entry, void *arg);

/* wait up to 5 s for a signal at r; failing that fails the test */
struct signal wait_signal(struct signal_receiver *r, const char *what);

/* whether nothing arrives at r within ms */
bool quiet_for(struct signal_receiver *r, unsigned ms);

/* the cases, in the order they run */
void test_fast_sender_slow_handler(void);
void test_several_handlers(void);
void test_stress(void);
void test_lazy_out_of_order(void);
void test_context_management(void);
void test_entrypoint_handler(void);

#endif /* _OS__TEST__SIGNAL__TEST_SIGNAL_H_ */
