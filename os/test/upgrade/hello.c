/*
 * \brief  test-upgrade: a session of a sibling server, upgraded through init
 */

#include <base/log.h>
#include <hello_session/client.h>
#include <hello_session/connection.h>
#include <parent/client.h>
#include <ram_session/connection.h>
#include <test/expect.h>

#include "test_upgrade.h"

void
test_hello_upgrade(struct env *env)
{
	ram_session_cap_t ram = env_ram(env);
	uint64_t before = ram_session_avail(ram);
	hello_session_cap_t hello;
	int32_t sum = 0;
	if (!EXPECT_OK(hello_connection_open(env_parent(env), &hello)))
		return;
	EXPECT_OK(env_upgrade(env, cap_raw(hello), PAGE));
	EXPECT_OK(env_upgrade(env, cap_raw(hello), 2 * PAGE));
	EXPECT(ram_session_avail(ram) == before - 4 * PAGE);
	EXPECT_STATUS(env_upgrade(env, cap_raw(hello), before), STATUS_QUOTA_EXCEEDED);
	EXPECT_STATUS(parent_upgrade(env_parent(env), cap_raw(hello), "ram_quota=-1"),
	              STATUS_INVALID_ARGS);
	EXPECT(ram_session_avail(ram) == before - 4 * PAGE);
	EXPECT(hello_session_add(hello, 13, 29, &sum) == STATUS_OK && sum == 42);
	EXPECT_OK(parent_close(env_parent(env), cap_raw(hello)));
	cap_close(cap_raw(hello));
	EXPECT(ram_session_avail(ram) == before);
	log_print("Hello: session and 2 upgrades paid back at the close");
}
