/*
 * \brief  The parent policy: starting children, who inherit its filter
 *
 * A seccomp filter survives fork and execve. A child of a parent-policy
 * process therefore starts under the parent filter, which must be wide
 * enough for the dynamic loader, and enters its own policy on top: the
 * stricter one wins, since the kernel asks every filter of the stack.
 */

#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../harness/harness.h"
#include "cases.h"

extern char **environ;

/*
 * The program's second life, as a child of a sandboxed parent. It ends
 * with _exit like a component (env_exit): exit() would run LeakSanitizer
 * in SAN builds, whose tracer needs ptrace, which no sandbox allows.
 */
static int
spawned_run(const char *mode)
{
	char why[SANDBOX_WHY_MAX];
	int sv[2];

	if (strcmp(mode, "inherited") == 0) {
		socket(AF_INET, SOCK_STREAM, 0); /* the parent filter ends us here */
		return 3;
	}
	if (sandbox_enter(SANDBOX_POLICY_COMPONENT, why, sizeof(why)) != STATUS_OK)
		return 4;
	if (strcmp(mode, "component") == 0)
		return socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv) == 0 ? 0 : 5;
	execve("/bin/true", (char *[]){"true", NULL}, environ); /* "forbidden" */
	return 6;
}

_Noreturn int
spawned_main(const char *mode)
{
	fflush(stdout);
	_exit(spawned_run(mode));
}

static const char *spawn_mode;

/* like base-linux/process: posix_spawn, supervise by pidfd, reap */
static int
spawn_body(void)
{
	char *argv[] = {"test-sandbox", "--spawned", (char *)spawn_mode, NULL};
	pid_t pid;
	int status = 0;

	MUST(posix_spawn(&pid, "/proc/self/exe", NULL, NULL, argv, environ) == 0);
	int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	MUST(pidfd >= 0);
	struct pollfd pfd = {.fd = pidfd, .events = POLLIN};
	MUST(poll(&pfd, 1, 10000) == 1);
	MUST(waitpid(pid, &status, 0) == pid);
	child_report->result = status;
	return 0;
}

static bool
spawned_ends(const char *mode, int want_exit, int want_signal)
{
	spawn_mode = mode;
	if (!child_exited_ok(child_run(SANDBOX_POLICY_PARENT, spawn_body)))
		return false;
	int st = (int)child_report->result;
	if (want_signal && WIFSIGNALED(st) && WTERMSIG(st) == want_signal)
		return true;
	if (!want_signal && WIFEXITED(st) && WEXITSTATUS(st) == want_exit)
		return true;
	printf("  spawned \"%s\": status 0x%x\n", mode, (unsigned)st);
	return false;
}

/* a parent reads its children's binaries and libraries: read-only opens */
static int
read_body(void)
{
	DIR *d = opendir("/");
	MUST(d != NULL && readdir(d) != NULL);
	closedir(d);
	int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
	MUST(fd >= 0);
	close(fd);
	return 0;
}

void
parent_can_read(void)
{
	CHECK(child_exited_ok(child_run(SANDBOX_POLICY_PARENT, read_body)));
}

void
parent_can_spawn(void)
{
	CHECK(spawned_ends("component", 0, 0));
}

void
spawned_child_inherits_filter(void)
{
	CHECK(spawned_ends("inherited", 0, SIGSYS));
	CHECK(spawned_ends("forbidden", 0, SIGSYS));
}
