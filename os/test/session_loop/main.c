/*
 * \brief  test-session_loop: cycles of sessions leave nothing behind
 *
 * After ten warm-up cycles (the first requests make init and core cache
 * a channel each, as run/kill_loop notes, and a channel gets its call slot
 * and lane after RPC_SLOT_OFFER_AFTER calls, doc/rpc.md), the test says "--- before the
 * loop ---" and stays idle for two seconds, in which run/session_loop.run
 * takes core's accounting. Then 1,000 cycles (<config cycles="N"/>; session_loop_cycle: five
 * sessions each), sessions until init refuses one for the test's quota
 * (overflow_sessions, also once before the loop), "--- after the loop ---", two more idle seconds
 * for the second report, and exit 0. With <config leak="yes"/> one cycle in the middle leaves its
 * LOG session open: the run script must notice.
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
 * OVERFLOW_ARGS: what each overflow session donates; the test's quantum of
 * 1M pays fewer than 64 of them, so its quota ends them, never a table of
 * core's (128 LOG sessions for all before issue #13).
 *
 * IDLE_MS: the test keeps still after each marker while the run script
 * takes its snapshot (core's report on SIGUSR1, then init's and the
 * test's descriptors from /proc). With both cores busy that took more
 * than 2 s: the test had exited before its descriptors were counted. The
 * script does not wait for the idle time to end, so 10 s cost nothing
 * where the snapshot is quick.
 */
enum { WARM_UP = 10, CYCLES_DEFAULT = 1000, CYCLES_MAX = 100000, IDLE_MS = 10000 };
enum { OVERFLOW_MAX = 128 };
#define OVERFLOW_ARGS "ram_quota=16K"

struct loop_config {
	bool leak;       /* one cycle in the middle keeps its LOG session */
	uint64_t cycles; /* of the loop, 1 to CYCLES_MAX */
};

/* <config leak="yes|no" cycles="N"/>; a bad value is named and ends the test */
static struct loop_config
loop_config(struct env *env)
{
	struct loop_config c = {false, CYCLES_DEFAULT};
	struct config_root cfg;
	const struct node *root = config_root_parse(env, &cfg);

	if (root &&
	    (node_attribute_bool(root, "leak", false, &c.leak, &cfg.err) != STATUS_OK ||
	     node_attribute_u64(root, "cycles", CYCLES_DEFAULT, &c.cycles, &cfg.err) != STATUS_OK ||
	     c.cycles < 1 || c.cycles > CYCLES_MAX)) {
		log_error("bad config: leak must be yes or no, cycles 1 to %u", CYCLES_MAX);
		env_exit(env, -1);
	}
	return c;
}

/*
 * Open LOG sessions until init refuses one for our quota (init keeps no
 * table of its own any more, each session and init's record of it are
 * paid from our quota, doc/init.md): the refused one must not be open
 * anywhere (the "after" figures would show it). Then close them all.
 */
static void
overflow_sessions(struct env *env)
{
	static cap_t logs[OVERFLOW_MAX];
	status_t s = STATUS_OK;
	unsigned n = 0;
	while (n < OVERFLOW_MAX &&
	       (s = parent_session(env_parent(env), "LOG", OVERFLOW_ARGS, &logs[n])) == STATUS_OK)
		n++;
	EXPECT_STATUS(s, STATUS_QUOTA_EXCEEDED);
	log_print("quota exhausted after %u more LOG sessions", n);
	for (unsigned i = 0; i < n; i++) {
		EXPECT_OK(parent_close(env_parent(env), logs[i]));
		cap_close(logs[i]);
	}
}

void
component_construct(struct env *env)
{
	timer_session_cap_t timer;
	struct loop_config c = loop_config(env);
	if (!EXPECT_OK(timer_connection_open(env_parent(env), &timer)))
		env_exit(env, -1);
	for (unsigned n = 0; n < WARM_UP; n++)
		session_loop_cycle(env, n, false);
	/*
	 * once before the first report too: init's heap grows for the records
	 * and keeps a freed chunk (base/heap.h), which must not count as a
	 * leak of the loop
	 */
	overflow_sessions(env);
	log_print("--- before the loop ---%s", c.leak ? " (one LOG session will leak)" : "");
	EXPECT_OK(timer_session_msleep(timer, IDLE_MS));
	for (unsigned n = 0; n < c.cycles && !test_failures(); n++) {
		session_loop_cycle(env, n, c.leak && n == c.cycles / 2);
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
