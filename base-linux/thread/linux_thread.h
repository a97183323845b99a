/*
 * \brief  Linux part of a context slot, internal to base-linux/thread
 *
 * The platform reserve below the control block holds, from the top: the
 * signal stack on which stack overflows are reported, a guard page that
 * stops a runaway signal handler, and room for glibc's thread descriptor
 * and static TLS, which glibc places at the top of a caller-supplied stack.
 */

#ifndef _BASE_LINUX__THREAD__LINUX_THREAD_H_
#define _BASE_LINUX__THREAD__LINUX_THREAD_H_

#include <pthread.h>
#include <signal.h>

#include <base/internal/thread_context.h>

#define LINUX_ALTSTACK_SIZE (64u * 1024u)
#define LINUX_TLS_RESERVE   (16u * 1024u)
#define LINUX_RESERVE       (LINUX_ALTSTACK_SIZE + THREAD_PAGE_SIZE + LINUX_TLS_RESERVE)

struct linux_thread {
	pthread_t pthread;
	stack_t saved_altstack; /* the signal stack to restore on leaving */
};

_Static_assert(sizeof(struct linux_thread) <= THREAD_PLATFORM_DATA, "platform data too large");

static inline struct linux_thread *
linux_thread_of(struct thread *t)
{
	return (struct linux_thread *)(void *)t->platform;
}

/* switch the calling thread to the slot's signal stack */
void linux_altstack_enter(struct thread *t);

/* return to the signal stack in use before linux_altstack_enter */
void linux_altstack_leave(struct thread *t);

#endif /* _BASE_LINUX__THREAD__LINUX_THREAD_H_ */
