/*
 * \brief  test-thread_join: join returns only after the thread's entry
 *         has finished (Genode's os/run/thread_join.run and its lines)
 *
 * Each of ten workers sleeps 250 ms at the timer before it stores its
 * result, so a join that returned early would find the result unset.
 */

#include <base/component.h>
#include <base/log.h>
#include <base/thread.h>
#include <timer_session/connection.h>

enum { WORKERS = 10, WORKER_SLEEP_MS = 250 };

struct worker {
	timer_session_cap_t timer; /* BORROWED from component_construct */
	unsigned result_value;
	volatile unsigned result;
};

static void
worker_entry(void *arg)
{
	struct worker *w = arg;
	log_print("worker thread is up");
	if (timer_session_msleep(w->timer, WORKER_SLEEP_MS) != STATUS_OK)
		log_error("worker: msleep failed");
	log_print("worker is leaving the entry function with result=%u...", w->result_value);
	w->result = w->result_value;
}

static bool
worker_run(timer_session_cap_t timer, unsigned i)
{
	struct worker w = {.timer = timer, .result_value = i, .result = ~0u};
	struct thread *t;
	if (thread_create("worker", 0, worker_entry, &w, &t) != STATUS_OK ||
	    thread_start(t) != STATUS_OK) {
		log_error("cannot start worker %u", i);
		return false;
	}
	if (thread_join(t) != STATUS_OK || w.result != i) {
		log_error("work remains unfinished after 'join()' returned");
		return false;
	}
	return true;
}

void
component_construct(struct env *env)
{
	timer_session_cap_t timer;
	log_print("--- thread join test ---");
	if (timer_connection_open(env_parent(env), &timer) != STATUS_OK) {
		log_error("no Timer session");
		env_exit(env, -1);
	}
	for (unsigned i = 0; i < WORKERS; i++)
		if (!worker_run(timer, i))
			env_exit(env, -1);
	timer_connection_close(env_parent(env), timer);
	/* Genode's test ends with this line, its run script does not match it */
	log_print("--- signalling test finished ---");
	env_exit(env, 0);
}
