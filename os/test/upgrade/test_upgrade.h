/*
 * \brief  test-upgrade: what its files share
 */

#ifndef _OS__TEST__UPGRADE__TEST_UPGRADE_H_
#define _OS__TEST__UPGRADE__TEST_UPGRADE_H_

#include <base/env.h>

enum { PAGE = 4096 };

/* RM metadata exhausted, upgraded, used; LOG upgraded; refusals (core_sessions.c) */
void test_rm_upgrade(struct env *env);
void test_log_upgrade(struct env *env);
void test_refusals(struct env *env);

/* a RAM session's records exhausted, upgraded, used (ram_records.c) */
void test_ram_upgrade(struct env *env);

/* a session of a sibling server (Hello, Timer, Block) upgraded twice (server.c) */
void test_server_upgrade(struct env *env, const char *service);

#endif /* _OS__TEST__UPGRADE__TEST_UPGRADE_H_ */
