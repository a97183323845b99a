/*
 * \brief  Test cases of test-ram_account that live outside main.c
 */

#ifndef _TESTS__UNIT__RAM_ACCOUNT__CASES_H_
#define _TESTS__UNIT__RAM_ACCOUNT__CASES_H_

void ds_ownership(void);
void free_detaches_everywhere(void);
void destroy_reclaims(void);
void destroy_reparents_members(void);
void destroy_root(void);
void random_bomb(void);
void quota_watch(void);

#endif /* _TESTS__UNIT__RAM_ACCOUNT__CASES_H_ */
