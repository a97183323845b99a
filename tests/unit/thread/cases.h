/*
 * \brief  Test cases of test-thread-unit, one function per case
 */

#ifndef _TESTS__UNIT__THREAD__CASES_H_
#define _TESTS__UNIT__THREAD__CASES_H_

void thread_basic(void);
void thread_bad_args(void);
void thread_start_twice(void);
void thread_many_rounds(void);
void thread_slots_exhausted(void);
void thread_foreign_is_not_myself(void);
void thread_myself_cost(void);

void thread_main_myself(void);
void thread_main_nested(void);

void thread_stack_aligned(void);
void thread_stack_usable(void);

void thread_overflow_reported(void);
void thread_main_overflow_reported(void);
void thread_wild_fault_not_overflow(void);
void thread_null_fault_not_overflow(void);
void thread_area_taken_fallback(void);
void thread_area_free_at_exec(void);

#endif /* _TESTS__UNIT__THREAD__CASES_H_ */
