/*
 * \brief  Creating a process on Linux: clone + execveat in core
 *
 * clone(CLONE_VM | CLONE_VFORK) borrows core's address space until the
 * child has called execveat, so creation costs the same however large
 * core is (posix_spawn's trick; core is never forked). The child gets an
 * empty environment (or only GENODE_SANDBOX=off), no arguments besides
 * its name, its parent capability at PARENT_CAP_FD, /dev/null as stdin and
 * one pipe as stdout and stderr; every other descriptor of core is
 * close-on-exec. It runs the binary from the ROM module's descriptor
 * (AT_EMPTY_PATH), so no path is looked up.
 *
 * Where the machine allows it, each process is the init of a PID
 * namespace of its own (CLONE_NEWPID): it sees no other process, and
 * when it ends, everything it might have left behind in there ends too.
 * Otherwise core warns once and creates processes without it.
 *
 * Before the exec the child joins the memory cgroup core made for it
 * (memcg_pd.c), so that its RAM quota bounds everything it ever maps.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <base/log.h>
#include <base/parent_linux.h>
#include <base/process_linux.h>

#include "pd_linux.h"

enum { CHILD_STACK_SIZE = 64 * 1024, FD_SAFE_MIN = 10 };

static const char *sandbox_env; /* NULL: the child enters its sandbox */
static bool pid_ns_refused;

void
linux_pd_sandbox_off(void)
{
	sandbox_env = PROCESS_SANDBOX_VAR "=off";
}

/* what the clone child needs; it shares core's memory until execveat */
struct spawn_plan {
	int binary, parent, out_w, nice;
	int memcg_procs; /* cgroup.procs of its memory cgroup, -1: none */
	bool set_nice;   /* else the child keeps core's nice value */
	char *argv[2];
	char *envp[2];
	int err; /* written by the child if it could not exec */
};

/*
 * Bound the child's memory before it runs code of its own: it joins the
 * memory cgroup core made for it ("0" is the writer, whatever its pid in
 * its namespace), while it still has the privilege to, and may lock no
 * memory (locked pages are never reclaimed).
 */
static int
child_memory_bound(const struct spawn_plan *p)
{
	const struct rlimit none = {0, 0};
	if (p->memcg_procs >= 0 && write(p->memcg_procs, "0", 1) != 1)
		return -1;
	return setrlimit(RLIMIT_MEMLOCK, &none);
}

/* the child's side, on the borrowed address space: descriptors, priority, exec */
static int
child_main(void *arg)
{
	struct spawn_plan *p = arg;
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL); /* core's blocked SIGUSR1 is not the child's */
	/* above every target first, so that no dup2 overwrites a later source */
	int bin = fcntl(p->binary, F_DUPFD_CLOEXEC, FD_SAFE_MIN);
	int par = fcntl(p->parent, F_DUPFD, FD_SAFE_MIN);
	int out = fcntl(p->out_w, F_DUPFD, FD_SAFE_MIN);
	int null = open("/dev/null", O_RDONLY);
	if (bin < 0 || par < 0 || out < 0 || null < 0 || dup2(null, STDIN_FILENO) < 0 ||
	    dup2(out, STDOUT_FILENO) < 0 || dup2(out, STDERR_FILENO) < 0 ||
	    dup2(par, PARENT_CAP_FD) < 0)
		goto fail;
	close(null);
	close(par);
	close(out);
	/* a process must not outlive core, which alone supervises it */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0)
		goto fail;
	if (child_memory_bound(p) != 0)
		goto fail;
	if (p->set_nice && setpriority(PRIO_PROCESS, 0, p->nice) != 0)
		goto fail;
	syscall(SYS_execveat, bin, "", p->argv, p->envp, AT_EMPTY_PATH);
fail:
	p->err = errno ? errno : EINVAL;
	_exit(127);
}

static pid_t
clone_child(struct spawn_plan *plan, bool *pid_ns)
{
	static char stack[CHILD_STACK_SIZE] __attribute__((aligned(16)));
	int flags = CLONE_VM | CLONE_VFORK | SIGCHLD;
	pid_t pid = -1;
	if (!pid_ns_refused) {
		pid = clone(child_main, stack + sizeof(stack), flags | CLONE_NEWPID, plan);
		if (pid < 0 && (errno == EPERM || errno == EINVAL || errno == ENOSPC)) {
			log_warning("no PID namespace for components: %s; they see each other's "
			            "process ids (seccomp still forbids signals to them)",
			            strerror(errno));
			pid_ns_refused = true;
		}
	}
	*pid_ns = pid >= 0;
	if (pid < 0 && pid_ns_refused)
		pid = clone(child_main, stack + sizeof(stack), flags, plan);
	return pid;
}

status_t
linux_pd_spawn(struct linux_pd *p, const struct platform_pd_start *start, int binary, int out_w,
               int memcg_procs)
{
	struct spawn_plan plan = {
	        .binary = binary,
	        .parent = (int)start->parent.sel,
	        .out_w = out_w,
	        .memcg_procs = memcg_procs,
	        .set_nice = start->prioritized,
	        .nice = start->prioritized ? linux_nice_of(start->prio, start->limit) : 0,
	        .argv = {(char *)start->name, NULL},
	        .envp = {(char *)sandbox_env, NULL},
	};
	p->pid = clone_child(&plan, &p->pid_ns);
	if (p->pid < 0) {
		log_error("PD \"%s\": cannot create the process: %s", p->label, strerror(errno));
		return STATUS_OUT_OF_MEMORY;
	}
	if (plan.err) {
		/* the child got as far as its _exit: reap it */
		siginfo_t info;
		waitid(P_PID, (id_t)p->pid, &info, WEXITED);
		log_error("PD \"%s\": cannot execute \"%s\": %s", p->label, start->binary->name,
		          strerror(plan.err));
		return STATUS_DENIED;
	}
	p->pidfd = (int)syscall(SYS_pidfd_open, p->pid, 0);
	if (p->pidfd < 0) {
		log_error("PD \"%s\": cannot supervise the process: %s", p->label, strerror(errno));
		kill(p->pid, SIGKILL);
		siginfo_t info;
		waitid(P_PID, (id_t)p->pid, &info, WEXITED);
		return STATUS_OUT_OF_MEMORY;
	}
	return STATUS_OK;
}
