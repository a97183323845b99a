/*
 * \brief  Stack-overflow reports for threads in the context area
 *
 * A thread that runs off its stack touches its slot's guard region and
 * gets SIGSEGV. The handler runs on the signal stack inside the same slot
 * (the overflowed stack has no room left), so it finds the thread's control
 * block by its own stack pointer, just like thread_myself(). It writes
 *
 *   Error: stack overflow in thread "<name>"
 *
 * with write(2) only and then ends the process abort-like: it raises
 * SIGABRT with the default action, so the parent sees "killed by SIGABRT"
 * (a shell shows status 134), distinct from the SIGSEGV of other faults.
 * (In a PID namespace of its own the process ends by a trap instead.)
 *
 * Every other fault is handed back untouched: the previous disposition
 * (the default, or a sanitizer's handler) is restored and the faulting
 * instruction repeats, so the usual crash report and core dump result.
 */

#define _GNU_SOURCE
#include <signal.h>
#include <sys/prctl.h> /* constants only */

#include <base/internal/lx_fd.h>
#include <base/internal/lx_process.h>
#include <util/string.h>

#include "linux_thread.h"

static struct sigaction previous_segv;

static void
die_of_overflow(const struct thread *t)
{
	static const char head[] = "Error: stack overflow in thread \"";
	char msg[sizeof(head) + THREAD_NAME_MAX + 3];
	size_t n = str_copy(msg, head, sizeof(msg));

	n += str_copy(msg + n, t->name, sizeof(msg) - n);
	n += str_copy(msg + n, "\"\n", sizeof(msg) - n);
	(void)!lx_write(LX_STDERR, msg, n);

	/* the report is made; a core dump of the dead stack would only litter */
	lx_prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);

	struct sigaction dfl = {.sa_handler = SIG_DFL};
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGABRT, &dfl, NULL);

	lx_sigset_t abrt = lx_sigset_of(SIGABRT);
	lx_sigprocmask(LX_SIG_UNBLOCK, &abrt, NULL);
	lx_raise(SIGABRT);
	/*
	 * Still here: we are the init of a PID namespace of our own (core made
	 * us one), which ignores its own SIGABRT. A trap cannot be ignored;
	 * core reports it as "aborted" for such a process (see base-linux/component/main.c).
	 */
	signal(SIGTRAP, SIG_DFL);
	__asm__ volatile("int3");
	lx_exit_group(128 + SIGABRT); /* not reached */
}

static void
on_segv(int sig, siginfo_t *info, void *context)
{
	/* si_code > 0: raised by the fault itself, so si_addr is meaningful */
	if (info->si_code > 0) {
		uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
		struct thread *t = thread_context_overflowed((uintptr_t)info->si_addr, sp);
		if (t)
			die_of_overflow(t);
	}

	sigaction(SIGSEGV, &previous_segv, NULL);

	/* a sent signal does not repeat on return, so send it once more */
	if (info->si_code <= 0)
		lx_raise(sig);
}

void
platform_context_fault_init(void)
{
	struct sigaction sa = {.sa_sigaction = on_segv, .sa_flags = SA_SIGINFO | SA_ONSTACK};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, &previous_segv);
}

void
linux_altstack_enter(struct thread *t)
{
	uintptr_t top = (uintptr_t)t;
	stack_t ss = {
	        .ss_sp = (void *)(top - LINUX_ALTSTACK_SIZE),
	        .ss_size = LINUX_ALTSTACK_SIZE,
	        .ss_flags = 0,
	};
	sigaltstack(&ss, &linux_thread_of(t)->saved_altstack);
}

void
linux_altstack_leave(struct thread *t)
{
	/*
	 * Restore rather than disable: a sanitizer runtime that installed its
	 * own signal stack unmaps "the current one" when the thread exits, and
	 * that must be its own, not a piece of our slot.
	 */
	stack_t *saved = &linux_thread_of(t)->saved_altstack;
	saved->ss_flags &= SS_DISABLE;
	sigaltstack(saved, NULL);
}
