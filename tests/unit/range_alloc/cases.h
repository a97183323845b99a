/*
 * \brief  Test cases of test-range_alloc that live outside main.c
 */

#ifndef _TESTS__UNIT__RANGE_ALLOC__CASES_H_
#define _TESTS__UNIT__RANGE_ALLOC__CASES_H_

void random_window_low(void);
void random_window_4g(void);
void random_window_top(void);
void random_window_odd(void);
void random_tight_metadata(void);

#endif /* _TESTS__UNIT__RANGE_ALLOC__CASES_H_ */
