/*
 * \brief  Test cases of test-region_map that live outside main.c
 */

#ifndef _TESTS__UNIT__REGION_MAP__CASES_H_
#define _TESTS__UNIT__REGION_MAP__CASES_H_

void nested_resolve(void);
void nested_hole_names_inner_map(void);
void nested_window_clipped(void);
void nesting_limit(void);
void cycles_refused(void);
void nested_destroy(void);
void random_flat(void);
void random_flat_tight(void);
void random_nested(void);

#endif /* _TESTS__UNIT__REGION_MAP__CASES_H_ */
