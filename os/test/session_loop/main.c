/*
 * \brief  test-session_loop: 1,000 cycles of sessions leave nothing behind
 *
 * After a few warm-up cycles (the first requests make init and core cache
 * a channel each, as run/kill_loop notes), the test says "--- before the
 * loop ---" and stays idle for two seconds, in which run/session_loop.run
 * takes core's accounting. Then 1,000 cycles (session_loop_cycle: five
 * sessions each), sessions until init's table for the test is full
 * (overflow_sessions), "--- after the loop ---", two more idle seconds for the
 * second report, and exit 0. With <config leak="yes"/> one cycle in the
 * middle leaves its LOG session open: the run script must notice.
 */

#include <base/config_root.h>
#include <base/component.h>
#include <base/log.h>
#include <log_session/connection.h>
#include <parent/client.h>
#include <test/expect.h>
#include <timer_session/connection.h>
#include <util/node_tree.h>

#include "session_loop.h"

/*
 * IDLE_MS: the test keeps still after each marker while the run script
 * takes its snapshot (core's report on SIGUSR1, then init's and the
 * test's descriptors from /proc). With both cores busy that took more
 * than 2 s: the test had exited before its descriptors were counted. The
 * script does not wait for the idle time to end, so 10 s cost nothing
 * where the snapshot is quick.
 */
enum { WARM_UP = 5, CYCLES = 1000, IDLE_MS = 10000, OVERFLOW_MAX = 128 };

static bool
leak_mode(struct env *env)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(env, &cfg);
	bool leak = false;

	if (root)
		(void)node_attribute_bool(root, "leak", false, &leak, &cfg.err);
	return leak;
}

/*
 * Open LOG sessions until init's table for us is full: the one refused
 * must not stay open anywhere (the "after" figures would show it). Then
 * close them all.
 */
static void
overflow_sessions(struct env *env)
{
	static log_session_cap_t logs[OVERFLOW_MAX];
	status_t s = STATUS_OK;
	unsigned n = 0;
	while (n < OVERFLOW_MAX &&
	       (s = log_connection_open(env_parent(env), &logs[n])) == STATUS_OK)
		n++;
	EXPECT_STATUS(s, STATUS_OUT_OF_MEMORY);
	log_print("session table full after %u more LOG sessions", n);
	for (unsigned i = 0; i < n; i++) {
		EXPECT_OK(parent_close(env_parent(env), cap_raw(logs[i])));
		cap_close(cap_raw(logs[i]));
	}
}

void
component_construct(struct env *env)
{
	timer_session_cap_t timer;
	bool leak = leak_mode(env);
	if (!EXPECT_OK(timer_connection_open(env_parent(env), &timer)))
		env_exit(env, -1);
	for (unsigned n = 0; n < WARM_UP; n++)
		session_loop_cycle(env, n, false);
	log_print("--- before the loop ---%s", leak ? " (one LOG session will leak)" : "");
	EXPECT_OK(timer_session_msleep(timer, IDLE_MS));
	for (unsigned n = 0; n < CYCLES && !test_failures(); n++) {
		session_loop_cycle(env, n, leak && n == CYCLES / 2);
		if ((n + 1) % 250 == 0)
			log_print("%u cycles", n + 1);
	}
	overflow_sessions(env);
	log_print("--- after the loop ---");
	EXPECT_OK(timer_session_msleep(timer, IDLE_MS));
	timer_connection_close(env_parent(env), timer);
	log_print("--- session loop finished ---");
	env_exit(env, test_failures() ? -1 : 0);
}
