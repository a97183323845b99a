/*
 * \brief  Threads living in the thread-context area
 *
 * Every thread, the main thread included (see thread_main_enter), runs in
 * a fixed-size slot of one reserved virtual range, the thread-context area.
 * A slot holds, from its top: the thread's control block (name, entry,
 * argument, join state, one framework TLS pointer), platform data such as
 * a signal stack, the stack growing down, and an inaccessible guard region
 * down to the slot's base. Because slots are aligned to their size, a
 * thread finds its own control block from its stack pointer alone:
 * thread_myself() costs a few instructions and no system call. A stack
 * overflow runs into the guard and is reported with the thread's name
 * ("Error: stack overflow in thread "<name>"") instead of silently
 * corrupting a neighbour; the process then ends abnormally (on Linux:
 * killed by SIGABRT, see base-linux/thread/overflow.c).
 *
 * A handle (struct thread *) points into the slot and is valid from
 * thread_create() until thread_join() returns; afterwards the slot may be
 * given to a new thread. Every created thread must be joined exactly once,
 * by one other thread, or its slot stays taken.
 */

#ifndef _INCLUDE__BASE__THREAD_H_
#define _INCLUDE__BASE__THREAD_H_

#include <stddef.h>

#include <base/status.h>

struct thread;

typedef void (*thread_entry_t)(void *arg);

/* longer names are truncated */
#define THREAD_NAME_MAX 32

/* stack size used when thread_create() is given 0 */
#define THREAD_STACK_DEFAULT (64u * 1024u)

/*
 * Create a thread, not yet running. stack_size is rounded up to whole
 * pages. Returns STATUS_INVALID_ARGS (no name or entry, or a stack larger
 * than a slot can hold) or STATUS_OUT_OF_MEMORY (every slot taken, or the
 * area or its memory unavailable).
 */
status_t thread_create(const char *name, size_t stack_size, thread_entry_t entry, void *arg,
                       struct thread **out);

/* let the thread run entry(arg); STATUS_CONFLICT if started before */
status_t thread_start(struct thread *thread);

/*
 * Wait until the thread's entry returned and the thread is gone, then free
 * its slot. Joining a thread that was never started just frees the slot.
 * Returns STATUS_INVALID_ARGS for the caller itself or the main thread.
 */
status_t thread_join(struct thread *thread);

const char *thread_name(const struct thread *thread);

/* the calling thread, or NULL if it does not run in the context area */
struct thread *thread_myself(void);

/* one pointer of thread-local data for the framework (initially NULL) */
void *thread_tls_get(const struct thread *thread);
void thread_tls_set(struct thread *thread, void *tls);

/*
 * Move the calling (main) thread into the context area: take the main
 * slot, switch the stack pointer to its stack, run fn(arg) as thread
 * "main", switch back and free the slot. Returns STATUS_OK after fn
 * returned, STATUS_CONFLICT if the main slot is in use (e.g. nested
 * call), STATUS_OUT_OF_MEMORY if the area or its memory is unavailable.
 * fn may also end the process with exit().
 */
status_t thread_main_enter(thread_entry_t fn, void *arg);

#endif /* _INCLUDE__BASE__THREAD_H_ */
