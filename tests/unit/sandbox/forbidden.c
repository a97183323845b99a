/*
 * \brief  Forbidden calls: each must end its child with SIGSYS
 *
 * A few are refused with an errno instead, and the process lives on:
 * clone3, whose flags the filter cannot read, fails with ENOSYS so that
 * glibc falls back to clone; in sanitizer builds, opening a file fails
 * with EACCES and ioctl with ENOTTY so that a sanitizer report can finish; under the parent
 * policy, unshare, mount and chroot fail with EPERM, so that a spawned
 * child's own sandbox_enter goes on without namespaces (doc/sandbox.md).
 *
 * Every attempt is harmless should the filter let it through: signal 0,
 * paths that do not exist, a forked child that leaves at once.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/eventfd.h>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../harness/harness.h"
#include "cases.h"

static struct sockaddr_un nowhere = {.sun_family = AF_UNIX, .sun_path = "/nonexistent/sock"};
#define NOWHERE ((struct sockaddr *)&nowhere), sizeof(nowhere)

/* a process made anyway must not run the test's code twice */
static long
child_leaves(long r)
{
	if (r == 0)
		_exit(0);
	return r;
}

static long
do_open(void)
{
	return open("/etc/passwd", O_RDONLY);
}
static long
do_openat(void)
{
	return openat(AT_FDCWD, "/etc/passwd", O_RDONLY);
}
static long
do_open_write(void)
{
	return open("/nonexistent/file", O_WRONLY | O_CREAT, 0600);
}
/* a signal context of its own, behind core's back (doc/signals.md) */
static long
do_eventfd(void)
{
	return eventfd(0, EFD_CLOEXEC);
}
static long
do_socket_inet(void)
{
	return socket(AF_INET, SOCK_STREAM, 0);
}
static long
do_socket_unix(void)
{
	return socket(AF_UNIX, SOCK_SEQPACKET, 0);
}
static long
do_connect(void)
{
	return connect(0, NOWHERE);
}
static long
do_bind(void)
{
	return bind(0, NOWHERE);
}
static long
do_listen(void)
{
	return listen(0, 1);
}
static long
do_accept(void)
{
	return accept(0, NULL, NULL);
}
static long
do_ptrace(void)
{
	return ptrace(PTRACE_TRACEME, 0, NULL, NULL);
}
static long
do_fork(void)
{
	return child_leaves(fork());
}
static long
do_fork_syscall(void)
{
	return child_leaves(syscall(SYS_fork));
}
static long
do_clone_process(void)
{
	return child_leaves(syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0));
}
static long
do_clone3(void)
{
	return syscall(SYS_clone3, NULL, 0);
}
static long
do_kill_init(void)
{
	return kill(1, 0);
}
static long
do_tgkill_foreign(void)
{
	return syscall(SYS_tgkill, 1, 1, 0);
}
static long
do_setns(void)
{
	return setns(-1, 0);
}
static long
do_unshare(void)
{
	return unshare(CLONE_NEWNET);
}
static long
do_mount(void)
{
	return mount("none", "/nonexistent", "tmpfs", 0, NULL);
}
static long
do_chroot(void)
{
	return chroot("/");
}
static long
do_ioctl(void)
{
	int n;
	return ioctl(1, FIONREAD, &n);
}
/* on a socket of its own: a blocking signal context would stall submitters */
static long
do_fcntl_clear_nonblock(void)
{
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv) != 0)
		return -2;
	return fcntl(sv[0], F_SETFL, 0);
}
static long
do_prctl(void)
{
	return prctl(PR_CAPBSET_READ, 0, 0, 0, 0);
}
static long
do_personality(void)
{
	return personality(0xffffffff);
}

static long
do_execve(void)
{
	char *argv[] = {"true", NULL}, *envp[] = {NULL};
	return execve("/bin/true", argv, envp);
}

/* core's policy admits execveat only on a descriptor (AT_EMPTY_PATH) */
static long
do_execveat_path(void)
{
	char *argv[] = {"true", NULL}, *envp[] = {NULL};
	return syscall(SYS_execveat, AT_FDCWD, "/bin/true", argv, envp, 0);
}

/* adding a filter is allowed; strict mode, or anything else, is not */
static long
do_seccomp_strict(void)
{
	return syscall(SYS_seccomp, 0 /* SECCOMP_SET_MODE_STRICT */, 0, NULL);
}

static long
do_prlimit_foreign(void)
{
	struct rlimit rl;
	return prlimit(1, RLIMIT_NOFILE, NULL, &rl);
}

long
do_mmap_exec(void)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? -1 : 0;
}

long
do_mprotect_exec(void)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? -2 : mprotect(p, 4096, PROT_READ | PROT_EXEC);
}

static const struct attempt in_component[] = {
        {"open", do_open, 0, EACCES},
        {"openat", do_openat, 0, EACCES},
        {"open_write", do_open_write, 0, EACCES},
        KILLED(eventfd),
        KILLED(socket_inet),
        KILLED(socket_unix),
        KILLED(connect),
        KILLED(bind),
        KILLED(listen),
        KILLED(accept),
        KILLED(ptrace),
        KILLED(execve),
        KILLED(execveat_path),
        KILLED(seccomp_strict),
        KILLED(fork),
        KILLED(fork_syscall),
        KILLED(clone_process),
        {"clone3", do_clone3, ENOSYS, ENOSYS},
        KILLED(kill_init),
        KILLED(tgkill_foreign),
        KILLED(setns),
        KILLED(unshare),
        KILLED(mount),
        KILLED(chroot),
        KILLED(prlimit_foreign),
        KILLED(mmap_exec),
        KILLED(mprotect_exec),
        {"ioctl", do_ioctl, 0, ENOTTY},
        {"fcntl_clear_nonblock", do_fcntl_clear_nonblock, EPERM, EPERM},
        KILLED(prctl),
        KILLED(personality),
};

static const struct attempt *current;

static int
attempt_body(void)
{
	errno = 0;
	child_report->result = current->call();
	child_report->err = errno;
	return 3; /* still alive */
}

/* one attempt in a fresh child; whether it was blocked as documented */
static bool
blocked(const struct sandbox_policy *p, const struct attempt *a, unsigned *by_errno)
{
	int want = sandbox_relaxed_for_sanitizers() ? a->refused_with_san : a->refused_with;
	current = a;
	int st = child_run(p, attempt_body);
	if (!want && st != -1 && WIFSIGNALED(st) && WTERMSIG(st) == SIGSYS)
		return true;
	if (want && st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 3 &&
	    child_report->result == -1 && child_report->err == want) {
		(*by_errno)++;
		return true;
	}
	printf("  NOT blocked: %s (wanted %s)\n", a->name, want ? "errno" : "SIGSYS");
	child_exited_ok(st);
	return false;
}

void
attempt_all(const struct sandbox_policy *p, const char *policy, const struct attempt *a,
            unsigned count)
{
	unsigned ok = 0, by_errno = 0;

	for (unsigned i = 0; i < count; i++)
		ok += CHECK(blocked(p, &a[i], &by_errno));
	printf("  %s policy: %u attempts, %u blocked (%u by SIGSYS, %u by errno)\n", policy, count,
	       ok, ok - by_errno, by_errno);
}

void
forbidden_in_component(void)
{
	attempt_all(SANDBOX_POLICY_COMPONENT, "component", in_component,
	            sizeof(in_component) / sizeof(in_component[0]));
	attempt_all(SANDBOX_POLICY_COMPONENT, "component (architecture)", arch_attempts,
	            arch_attempt_count);
}
