/*
 * \brief  test-signal_session: the parts and what they share
 */

#ifndef _OS__TEST__SIGNAL_SESSION__TEST_SIGNAL_SESSION_H_
#define _OS__TEST__SIGNAL_SESSION__TEST_SIGNAL_SESSION_H_

#include <base/env.h>
#include <base/signal.h>
#include <signal_session/connection.h>

/* a session of our own, labeled label, donating ram_quota; OWNED by the caller */
status_t spare_session_open(struct env *env, const char *label, unsigned ram_quota,
                            signal_session_cap_t *out);

/* wait ms at r without a signal expected; false if one came */
bool idle_wait(struct signal_receiver *r, unsigned ms);

/* contexts.c */
void test_env_contexts(struct signal_receiver *r);
void test_submit_and_free(signal_session_cap_t own, struct signal_receiver *r);
void test_foreign_free(signal_session_cap_t own, signal_session_cap_t other);
unsigned test_quota(struct env *env);
void test_close_releases(struct env *env, signal_session_cap_t own, struct signal_receiver *r);

/* take.c */
void test_take(signal_session_cap_t own, signal_session_cap_t other);
void test_page(signal_session_cap_t own, signal_session_cap_t other);

/* malformed.c */
void test_malformed(struct env *env, signal_session_cap_t own);

#endif /* _OS__TEST__SIGNAL_SESSION__TEST_SIGNAL_SESSION_H_ */
