/*
 * \brief  Threads and own signals inside the component policy
 *
 * Like base-linux/thread: pthreads on stacks of our own mapping, named
 * by themselves, with an alternate signal stack, meeting on a futex.
 */

#define _GNU_SOURCE
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../../harness/harness.h"
#include "cases.h"

enum { THREADS = 4, STACK_SIZE = 256 * 1024, ALT_SIZE = 64 * 1024 };

static uint32_t futex_word;

static void *
thread_entry(void *arg)
{
	static char alt[THREADS][ALT_SIZE];
	unsigned i = (unsigned)(uintptr_t)arg;
	stack_t ss = {.ss_sp = alt[i], .ss_size = ALT_SIZE}, saved;

	pthread_setname_np(pthread_self(), "sandboxed");
	if (sigaltstack(&ss, &saved) != 0)
		return NULL;
	/* the first waits until main wakes it, the others just pass */
	if (i == 0)
		syscall(SYS_futex, &futex_word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	/* ASan unmaps the thread's alternate stack at exit: it must be its own */
	sigaltstack(&saved, NULL);
	return arg;
}

static int
threads_body(void)
{
	pthread_t t[THREADS];
	size_t span = (size_t)THREADS * STACK_SIZE;
	char *stacks = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	MUST(stacks != MAP_FAILED);

	for (unsigned i = 0; i < THREADS; i++) {
		char *lo = stacks + (size_t)i * STACK_SIZE;
		pthread_attr_t attr;
		MUST(mprotect(lo, 4096, PROT_NONE) == 0); /* guard page */
		MUST(pthread_attr_init(&attr) == 0);
		MUST(pthread_attr_setstack(&attr, lo + 4096, STACK_SIZE - 4096) == 0);
		MUST(pthread_create(&t[i], &attr, thread_entry, (void *)(uintptr_t)i) == 0);
		pthread_attr_destroy(&attr);
	}
	usleep(10000);
	__atomic_store_n(&futex_word, 1, __ATOMIC_RELEASE);
	syscall(SYS_futex, &futex_word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	for (unsigned i = 0; i < THREADS; i++) {
		void *ret = NULL;
		MUST(pthread_join(t[i], &ret) == 0 && ret == (void *)(uintptr_t)i);
	}
	return 0;
}

void
allowed_threads(void)
{
	CHECK(child_exited_ok(child_run(SANDBOX_POLICY_COMPONENT, threads_body)));
}

static volatile sig_atomic_t caught;

static void
on_usr1(int sig)
{
	caught = sig;
}

/* raise() is tgkill on the own process: allowed, as for abort() */
static int
raise_body(void)
{
	struct sigaction sa = {.sa_handler = on_usr1};

	MUST(sigaction(SIGUSR1, &sa, NULL) == 0);
	MUST(raise(SIGUSR1) == 0);
	MUST(caught == SIGUSR1);
	return 0;
}

void
allowed_raise_own(void)
{
	CHECK(child_exited_ok(child_run(SANDBOX_POLICY_COMPONENT, raise_body)));
}
