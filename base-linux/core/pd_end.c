/*
 * \brief  A Linux process's end in platform-neutral terms
 *
 * waitid says how a process ended as a signal number; generic code gets
 * an exit_reason (include/base/exit_reason.h) instead, so that a platform
 * without signals (GNU Mach: exception messages) reports the same words.
 * The exit status of a regular exit is dropped on purpose: the component
 * reports its exit value to its parent itself, on every platform alike.
 * waitid does not tell a faulting address, so none is reported here.
 */

#define _GNU_SOURCE
#include <signal.h>
#include <sys/wait.h>

#include "memcg.h"
#include "pd_linux.h"

static enum exit_reason
reason_of_signal(const struct linux_pd *p, int sig)
{
	switch (sig) {
	case SIGSEGV:
	case SIGBUS: /* an access beyond the end of a mapped file: a page fault too */
		return EXIT_REASON_PAGE_FAULT;
	case SIGILL:
		return EXIT_REASON_ILLEGAL_INSTRUCTION;
	case SIGFPE:
		return EXIT_REASON_ARITHMETIC;
	case SIGABRT:
		return EXIT_REASON_ABORTED;
	case SIGTRAP:
		/* a PID namespace's init ignores its own SIGABRT: abort traps (startup.c) */
		return p->pid_ns ? EXIT_REASON_ABORTED : EXIT_REASON_BREAKPOINT;
	case SIGKILL:
		/* the kernel's OOM killer of its cgroup: more memory than its quota */
		return linux_memcg_oom_killed(&p->memcg) ? EXIT_REASON_OUT_OF_MEMORY
		                                         : EXIT_REASON_KILLED;
	case SIGSYS:
		return EXIT_REASON_FORBIDDEN_CALL; /* the seccomp filter's verdict */
	default:
		return EXIT_REASON_KILLED; /* any other signal came from outside */
	}
}

struct platform_pd_end
linux_pd_end_of(const struct linux_pd *p, int code, int status)
{
	struct platform_pd_end e = {{.reason = EXIT_REASON_EXITED}};
	if (code == CLD_KILLED || code == CLD_DUMPED)
		e.fault.reason = reason_of_signal(p, status);
	else if (code != CLD_EXITED)
		e.fault.reason = EXIT_REASON_UNKNOWN;
	return e;
}
