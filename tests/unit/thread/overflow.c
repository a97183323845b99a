/*
 * \brief  Stack-overflow detection, checked in fork()ed children
 *
 * A child runs the faulting code with its stderr on a pipe; the parent
 * checks how the child ended and what it printed. Core dumps are disabled
 * in the child, as they are expected here.
 */

#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <base/internal/thread_context.h>
#include <base/thread.h>

#include "../../harness/harness.h"
#include "cases.h"

struct child_result {
	int status;
	char out[1024];
};

static void
run_child(void (*body)(void), struct child_result *r)
{
	int fd[2];
	memset(r, 0, sizeof(*r));
	if (!CHECK(pipe(fd) == 0))
		return;

	pid_t pid = fork();
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], STDERR_FILENO);
		prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
		body();
		_exit(0);
	}
	close(fd[1]);
	/* read to the end, keeping the head, so the child never gets SIGPIPE */
	char chunk[512];
	size_t len = 0;
	ssize_t n;
	while ((n = read(fd[0], chunk, sizeof(chunk))) > 0) {
		size_t keep = sizeof(r->out) - 1 - len;
		keep = (size_t)n < keep ? (size_t)n : keep;
		memcpy(r->out + len, chunk, keep);
		len += keep;
	}
	close(fd[0]);
	CHECK(waitpid(pid, &r->status, 0) == pid);
}

static volatile unsigned depth_limit = ~0u;

/* not a tail call: the volatile read after the call must stay after it */
static __attribute__((noinline)) unsigned
recurse(unsigned depth)
{
	volatile char pad[256];
	pad[0] = (char)depth;
	if (depth >= depth_limit)
		return 0;
	return recurse(depth + 1) + (unsigned)pad[0];
}

static void
recurse_entry(void *arg)
{
	*(volatile unsigned *)arg = recurse(0);
}

static void
overflow_in_thread(void)
{
	unsigned result;
	struct thread *t;
	if (thread_create("deep-recursor", 64 * 1024, recurse_entry, &result, &t) == STATUS_OK &&
	    thread_start(t) == STATUS_OK)
		thread_join(t);
}

static void
check_overflow(const struct child_result *r, const char *expected)
{
	CHECK(WIFSIGNALED(r->status) && WTERMSIG(r->status) == SIGABRT);
	if (!CHECK(strstr(r->out, expected) != NULL))
		printf("  child printed: %s\n", r->out);
}

void
thread_overflow_reported(void)
{
	struct child_result r;
	run_child(overflow_in_thread, &r);
	check_overflow(&r, "Error: stack overflow in thread \"deep-recursor\"\n");
}

static void
overflow_in_main(void)
{
	unsigned result;
	thread_main_enter(recurse_entry, &result);
}

void
thread_main_overflow_reported(void)
{
	struct child_result r;
	run_child(overflow_in_main, &r);
	check_overflow(&r, "Error: stack overflow in thread \"main\"\n");
}

/* a fault that is not an overflow must crash as usual, unreported */
static void
check_plain_fault(const struct child_result *r)
{
	CHECK(strstr(r->out, "stack overflow") == NULL);
	CHECK(!(WIFEXITED(r->status) && WEXITSTATUS(r->status) == 0));

	/* under AddressSanitizer its own SEGV report ends the child instead */
	if (WIFSIGNALED(r->status))
		CHECK_EQ(WTERMSIG(r->status), SIGSEGV);
	else
		CHECK(strstr(r->out, "SEGV") != NULL);
}

static void
write_to(void *arg)
{
	*(volatile int *)arg = 1;
}

static void
fault_in_thread(void *addr)
{
	struct thread *t;
	if (thread_create("wild-writer", 0, write_to, addr, &t) == STATUS_OK &&
	    thread_start(t) == STATUS_OK)
		thread_join(t);
}

static void
wild_fault(void)
{
	/* the guard of a slot that is not the writer's own: no overflow */
	fault_in_thread((void *)(uintptr_t)(THREAD_AREA_BASE + 200u * THREAD_SLOT_SIZE + 64));
}

void
thread_wild_fault_not_overflow(void)
{
	struct child_result r;
	run_child(wild_fault, &r);
	check_plain_fault(&r);
}

static void
null_fault(void)
{
	fault_in_thread((void *)(uintptr_t)16);
}

void
thread_null_fault_not_overflow(void)
{
	struct child_result r;
	run_child(null_fault, &r);
	check_plain_fault(&r);
}

static void
reserve_taken(void)
{
	/* our own area occupies the wanted range, so it must go elsewhere */
	uintptr_t b = platform_context_area_reserve(THREAD_AREA_BASE, THREAD_AREA_SIZE);
	bool ok = b && b != THREAD_AREA_BASE && b % THREAD_SLOT_SIZE == 0;
	if (b)
		munmap((void *)b, THREAD_AREA_SIZE);
	_exit(ok ? 0 : 1);
}

void
thread_area_taken_fallback(void)
{
	struct child_result r;
	run_child(reserve_taken, &r);
	CHECK(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0);
	char want[96];
	snprintf(want, sizeof(want), "Warning: thread-context area 0x%x..0x%x is taken",
	         THREAD_AREA_BASE, THREAD_AREA_BASE + THREAD_AREA_SIZE);
	CHECK(strstr(r.out, want) != NULL);
}
