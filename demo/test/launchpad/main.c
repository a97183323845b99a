/*
 * \brief  test-launchpad: launchpad's parent part driven without a GUI
 *
 * Test code, kept out of the product: the same library as the launchpad
 * component (demo/lib/launchpad) with a scripted front end instead of the
 * window. It starts its launchers one after another, each once the one
 * before has announced a service (a server) or ended (a client), so that
 * routing "children first, then parent" meets a server among its
 * siblings and, in a nested test-launchpad, one of its parent's. A second
 * start of a running server must be refused. Then it kills what still
 * runs and checks that launchpad has as much to give as before its first
 * child, to the KiB, and exits with 0 (1 if not).
 */

#include <base/component.h>
#include <base/log.h>

#include "../../lib/launchpad/launchpad.h"

static struct env *env;
static unsigned next;        /* the launcher to start next */
static uint64_t avail_start; /* what launchpad could give before its first child */
static bool killing;

static void
finish_if_done(void)
{
	if (!killing || launchpad_model_running_count(launchpad_model()) != 0)
		return;
	uint64_t avail = launchpad_avail();
	if (avail / 1024 != avail_start / 1024) {
		log_error("%llu KiB available after the children, %llu KiB before",
		          (unsigned long long)avail / 1024, (unsigned long long)avail_start / 1024);
		env_exit(env, 1);
	}
	log_print("all children gone, %llu KiB available as before",
	          (unsigned long long)avail / 1024);
	env_exit(env, 0);
}

/* the next launcher, or, after the last, kill what runs */
static void
step(void)
{
	struct launchpad_model *m = launchpad_model();
	if (next < m->count) {
		launchpad_start(next++);
		return;
	}
	killing = true;
	for (unsigned i = m->count; i-- > 0;)
		if (m->launchers[i].running)
			launchpad_kill(i);
	finish_if_done();
}

static void
announced(void *ctx, unsigned i, const char *service)
{
	(void)ctx;
	(void)service;
	if (i + 1 != next)
		return;
	launchpad_start(i); /* refused: it runs */
	step();
}

static void
child_gone(void *ctx, unsigned i)
{
	(void)ctx;
	if (!killing && i + 1 == next)
		step();
	finish_if_done();
}

static const struct launchpad_events events = {.child_gone = child_gone, .announced = announced};

void
component_construct(struct env *e)
{
	env = e;
	if (!launchpad_init(env, &events))
		env_exit(env, 1);
	avail_start = launchpad_avail();
	step();
}
