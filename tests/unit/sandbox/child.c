/*
 * \brief  Running a test body in a sandboxed child process
 */

#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cases.h"

struct child_report *child_report;

/* shared with the child, so that it can say what went wrong before dying */
static void
report_reset(void)
{
	if (!child_report) {
		void *p = mmap(NULL, sizeof(*child_report), PROT_READ | PROT_WRITE,
		               MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		child_report = p == MAP_FAILED ? NULL : p;
	}
	if (child_report)
		memset(child_report, 0, sizeof(*child_report));
}

int
child_fail_at(int line)
{
	if (child_report && !child_report->line) {
		child_report->line = line;
		child_report->err = errno;
	}
	return 1;
}

int
child_run(const struct sandbox_policy *p, child_body body)
{
	report_reset();
	if (!child_report)
		return -1;
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		/* a SIGSYS dumps core otherwise, into the directory of the test */
		prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
		status_t s = sandbox_enter(p, child_report->why, sizeof(child_report->why));
		child_report->status = (int)s;
		_exit(s == STATUS_OK ? body() : 100);
	}
	int status = -1;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return status;
}

bool
child_exited_ok(int st)
{
	if (st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return true;
	if (st == -1)
		printf("  child could not be run\n");
	else if (WIFSIGNALED(st))
		printf("  child killed by signal %d (%s)\n", WTERMSIG(st), strsignal(WTERMSIG(st)));
	else
		printf("  child exited with %d\n", WEXITSTATUS(st));
	if (child_report && child_report->status)
		printf("  sandbox_enter: %s: %s\n", status_name((status_t)child_report->status),
		       child_report->why);
	if (child_report && child_report->line)
		printf("  failed at line %d: %s\n", child_report->line,
		       strerror(child_report->err));
	return false;
}
