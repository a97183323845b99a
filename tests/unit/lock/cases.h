/*
 * \brief  Test cases of test-lock, one function per case
 */

#ifndef _TESTS__UNIT__LOCK__CASES_H_
#define _TESTS__UNIT__LOCK__CASES_H_

void lock_uncontended(void);
void lock_initially_locked(void);
void lock_contended_counter(void);
void lock_ping_pong(void);

void semaphore_counting(void);
void semaphore_ping_pong(void);
void semaphore_timeout_expires(void);
void semaphore_timeout_woken(void);
void semaphore_timeout_race(void);

void blockade_wakeup_counted(void);
void blockade_cancel_blocked(void);
void blockade_cancel_many(void);
void blockade_cancel_before(void);

#endif /* _TESTS__UNIT__LOCK__CASES_H_ */
