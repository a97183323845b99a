/*
 * \brief  test-thread: threads in the thread-context area
 *
 * Genode's test-thread, in C: many threads created and joined (slots are
 * reused), varargs with doubles on a 16-byte aligned stack, the main
 * thread's stack inside its context slot, join returning only after the
 * entry finished, thread names. A stack overflow cannot be survived, so
 * that part runs in a second instance of this binary, started by init with
 * the config <config overflow="yes"/>; the run script checks that it
 * reports the overflow by thread name and that init sees it die.
 */

#include <base/config_root.h>
#include <base/component.h>
#include <base/log.h>
#include <base/semaphore.h>
#include <util/node_tree.h>
#include <util/string.h>

#include "test.h"

static struct env *the_env;

void
pause_us(uint64_t us)
{
	struct semaphore never;

	semaphore_init(&never, 0);
	(void)semaphore_down_timeout(&never, us);
}

/* whether the config says <config overflow="yes"/>: the child's part */
static bool
overflow_mode(struct env *env)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(env, &cfg);
	bool overflow = false;

	if (root)
		node_attribute_bool(root, "overflow", false, &overflow, &cfg.err);
	return overflow;
}

static void
run_checks(void *arg)
{
	check_main_in_context();
	check_stack_alignment();
	check_names_and_tls();
	check_join();
	check_many_threads();
	check_slot_exhaustion();
}

static _Noreturn void
finish(void)
{
	if (test_failures()) {
		log_error("thread test failed: %u checks", test_failures());
		env_exit(the_env, -1);
	}
	log_print("test completed successfully");
	env_exit(the_env, 0);
}

void
component_construct(struct env *env)
{
	the_env = env;
	if (overflow_mode(env)) {
		overflow_thread();
		env_exit(env, -1); /* not reached: the overflow ends the process */
	}
	log_print("--- thread test started ---");

	/* the runtime may already run us inside the context area */
	if (thread_myself())
		run_checks(0);
	else
		EXPECT_OK(thread_main_enter(run_checks, 0));
	finish();
}
