/*
 * \brief  test-upgrade: a session of a sibling server, upgraded through init
 *
 * The same steps for each server (Hello, Timer, Block): open, upgrade
 * twice, be refused twice, use the session, close; the avail must drop
 * by exactly the donations and come back at the close.
 */

#include <base/log.h>
#include <block_session/client.h>
#include <hello_session/client.h>
#include <parent/client.h>
#include <ram_session/connection.h>
#include <test/expect.h>
#include <timer_session/client.h>
#include <util/string.h>

#include "test_upgrade.h"

/* one call of the service's own, to show the session still works */
static bool
session_use(const char *service, cap_t session)
{
	if (str_equal(service, "Hello")) {
		int32_t sum = 0;
		return hello_session_add(CAP_TYPED(hello_session_cap_t, session), 13, 29, &sum) ==
		               STATUS_OK &&
		       sum == 42;
	}
	if (str_equal(service, "Timer")) {
		uint64_t ms = 0;
		return timer_session_elapsed_ms(CAP_TYPED(timer_session_cap_t, session), &ms) ==
		       STATUS_OK;
	}
	uint64_t count = 0;
	uint32_t size = 0, ops = 0;
	return block_session_info(CAP_TYPED(block_session_cap_t, session), &count, &size, &ops) ==
	               STATUS_OK &&
	       count > 0;
}

void
test_server_upgrade(struct env *env, const char *service)
{
	ram_session_cap_t ram = env_ram(env);
	uint64_t before = ram_session_avail(ram);
	cap_t session = cap_invalid();
	if (!EXPECT_OK(parent_session(env_parent(env), service, "ram_quota=8K", &session)))
		return;
	/* the session cost its ram_quota and init's record of it (doc/init.md) */
	uint64_t opened = ram_session_avail(ram);
	EXPECT(opened < before - 2 * PAGE);
	EXPECT_OK(env_upgrade(env, session, PAGE));
	EXPECT_OK(env_upgrade(env, session, 2 * PAGE));
	EXPECT(ram_session_avail(ram) == opened - 3 * PAGE);
	EXPECT_STATUS(env_upgrade(env, session, before), STATUS_QUOTA_EXCEEDED);
	EXPECT_STATUS(parent_upgrade(env_parent(env), session, "ram_quota=-1"),
	              STATUS_INVALID_ARGS);
	EXPECT(ram_session_avail(ram) == opened - 3 * PAGE);
	EXPECT(session_use(service, session));
	EXPECT_OK(parent_close(env_parent(env), session));
	cap_close(session);
	EXPECT(ram_session_avail(ram) == before);
	log_print("%s: session and 2 upgrades paid back at the close", service);
}
