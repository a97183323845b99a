/*
 * \brief  The thread library's link to the component's CPU session
 *
 * Every thread the framework creates gets a thread object at core, named
 * by a capability of its own (include/cpu_thread/cpu_thread.rpc), and
 * binds its kernel thread to it before its entry runs, so core applies
 * the session's priority to it. The thread library itself knows no CPU
 * session (core and unit tests use it without any): a component's
 * environment registers these hooks once it has its session
 * (base/thread_cpu/), and the library calls them for every thread.
 */

#ifndef _INCLUDE__BASE__INTERNAL__THREAD_CPU_H_
#define _INCLUDE__BASE__INTERNAL__THREAD_CPU_H_

#include <stdint.h>

#include <base/status.h>

struct thread;
struct env;

struct thread_cpu_hooks {
	/* make t's object at core (into t->cpu); an error fails thread_create */
	status_t (*create)(struct thread *t);
	/* called by t itself, first thing: bind the calling kernel thread */
	void (*bind)(struct thread *t);
	/* t is gone: free its object and its capability */
	void (*destroy)(struct thread *t);
};

/* from now on every thread_create uses hooks (static, BORROWED for good) */
void thread_cpu_hooks_set(const struct thread_cpu_hooks *hooks);

/* for the platform's thread start: the new thread's first act, before entry */
void thread_cpu_started(struct thread *t);

/*
 * Platform: the calling kernel thread's id as the platform's bind at core
 * needs it (Linux: the thread id in the process's own PID namespace).
 */
uint64_t platform_thread_kernel_id(void);

/*
 * Component runtime: give the calling (main) thread an object of env's
 * CPU session and bind it, then register the hooks for every later
 * thread. Failures are logged; threads then run without objects.
 */
void thread_cpu_env_init(struct env *env);

#endif /* _INCLUDE__BASE__INTERNAL__THREAD_CPU_H_ */
