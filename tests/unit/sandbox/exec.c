/*
 * \brief  The exec under core's filter, and the component's second filter
 *
 * core installs the component policy before the exec, so the policy
 * admits execveat on a descriptor; the framework's start-up code forbids
 * it again with sandbox_tighten. A descriptor of -1 makes every exec
 * attempt harmless: allowed, it fails with EBADF and the child lives on.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../harness/harness.h"
#include "cases.h"

static long
exec_from_descriptor(void)
{
	char *argv[] = {"none", NULL}, *envp[] = {NULL};
	return syscall(SYS_execveat, -1, "", argv, envp, AT_EMPTY_PATH);
}

static int
exec_allowed(void)
{
	char buf[64];
	MUST(exec_from_descriptor() == -1 && errno == EBADF);
	/* glibc's look at its own path at start: refused softly, nothing to see */
	MUST(readlink("/proc/self/exe", buf, sizeof(buf)) == -1 && errno == ENOENT);
	return 0;
}

void
sandbox_exec_from_descriptor(void)
{
	CHECK(child_exited_ok(child_run(SANDBOX_POLICY_COMPONENT, exec_allowed)));
}

/* after tightening, the framework's calls work and the exec kills */
static int
tightened_exec(void)
{
	char why[SANDBOX_WHY_MAX];
	int sv[2];
	MUST(sandbox_tighten(why, sizeof(why)) == STATUS_OK);
	MUST(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) == 0);
	MUST(write(sv[0], "x", 1) == 1 && read(sv[1], why, 1) == 1);
	exec_from_descriptor();
	return 4; /* survived: not tightened */
}

void
sandbox_tighten_forbids_exec(void)
{
	int st = child_run(SANDBOX_POLICY_COMPONENT, tightened_exec);
	if (!CHECK(st != -1 && WIFSIGNALED(st) && WTERMSIG(st) == SIGSYS))
		child_exited_ok(st);
}
