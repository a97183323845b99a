/*
 * \brief  Threads in context slots, started as POSIX threads
 *
 * Why pthreads and not a raw clone(): glibc keeps per-thread state (errno,
 * stdio locks, malloc caches, the dynamic TLS vector) that only threads it
 * created itself have, and sanitizers learn about threads by intercepting
 * pthread_create. A raw clone would share the creator's TLS and corrupt
 * all of that as soon as the thread calls into libc. pthread_attr_setstack
 * lets us keep the stack in the slot anyway: glibc places its descriptor
 * and static TLS at the top of the given range (LINUX_TLS_RESERVE) and
 * leaves the rest to the stack; it adds no guard of its own, which is
 * fine because the slot's guard region lies right below.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>

#include <base/internal/lx_mem.h>
#include <base/internal/lx_process.h>
#include <base/internal/thread_cpu.h>

#include <util/string.h>

#include "linux_thread.h"

/* reserve the area before anything else settles in its range */
__attribute__((constructor)) static void
linux_context_area_startup(void)
{
	(void)thread_context_area_init();
}

/* what core's platform_cpu_thread_bind finds the caller by (base-linux/core/cpu_priority.c) */
uint64_t
platform_thread_kernel_id(void)
{
	return (uint64_t)lx_gettid();
}

size_t
platform_thread_reserve(void)
{
	return LINUX_RESERVE;
}

status_t
platform_thread_prepare(struct thread *t)
{
	/* the page between libc's TLS and the signal stack stays a guard */
	uintptr_t guard = (uintptr_t)t - LINUX_ALTSTACK_SIZE - THREAD_PAGE_SIZE;
	return lx_mprotect((void *)guard, THREAD_PAGE_SIZE, PROT_NONE) == 0 ? STATUS_OK
	                                                                    : STATUS_OUT_OF_MEMORY;
}

/*
 * Leaving the slot's signal stack also when entry ends with pthread_exit:
 * a key's destructor runs at every end of a thread. (pthread_cleanup_push
 * would do it as well, but it expands to glibc internals that musl's
 * header does not have.)
 */
static pthread_once_t leave_once = PTHREAD_ONCE_INIT;
static pthread_key_t leave_key;
static bool leave_key_made;

static void
linux_thread_leave(void *arg)
{
	linux_altstack_leave(arg);
}

static void
leave_key_create(void)
{
	leave_key_made = pthread_key_create(&leave_key, linux_thread_leave) == 0;
}

static void *
linux_thread_run(void *arg)
{
	struct thread *t = arg;
	char comm[16]; /* the kernel keeps 15 characters of a thread name */

	linux_altstack_enter(t);
	pthread_setspecific(leave_key, t); /* made before the thread was started */
	str_copy(comm, t->name, sizeof(comm));
	pthread_setname_np(pthread_self(), comm);
	thread_cpu_started(t); /* bind to its object at core, which applies its priority */

	t->entry(t->arg);
	/* the usual end: leave here, so the destructor has nothing to do */
	pthread_setspecific(leave_key, NULL);
	linux_thread_leave(t);
	return NULL;
}

status_t
platform_thread_start(struct thread *t)
{
	pthread_attr_t attr;
	pthread_once(&leave_once, leave_key_create);
	if (!leave_key_made || pthread_attr_init(&attr) != 0)
		return STATUS_OUT_OF_MEMORY;

	size_t size = t->stack_hi + LINUX_TLS_RESERVE - t->stack_lo;
	int err = pthread_attr_setstack(&attr, (void *)t->stack_lo, size);
	if (err == 0)
		err = pthread_create(&linux_thread_of(t)->pthread, &attr, linux_thread_run, t);
	pthread_attr_destroy(&attr);

	if (err == 0)
		return STATUS_OK;
	return err == EAGAIN ? STATUS_OUT_OF_MEMORY : STATUS_INVALID_ARGS;
}

void
platform_thread_join(struct thread *t)
{
	/*
	 * Returns once the kernel has cleared the thread's tid, i.e. the thread
	 * is gone and touches its slot no more, so the slot may be unmapped.
	 */
	pthread_join(linux_thread_of(t)->pthread, NULL);
}
