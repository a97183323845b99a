/*
 * \brief  Creating a process on Linux: clone, confine, execveat in core
 *
 * clone(CLONE_VM | CLONE_VFORK) borrows core's address space until the
 * child has called execveat, so creation costs the same however large
 * core is (posix_spawn's trick; core is never forked). The child gets an
 * empty environment (or only GENODE_SANDBOX=off), no arguments besides
 * its name, its parent capability at PARENT_CAP_FD, /dev/null as stdin and
 * one pipe as stdout and stderr; every other descriptor of core is
 * close-on-exec. Before the exec core confines it (pd_confine.c), so
 * that its first instruction already runs in the sandbox. It runs the
 * binary from the ROM module's descriptor (AT_EMPTY_PATH), so no path is
 * looked up, which is how a process in an empty root can be started.
 *
 * Where the machine allows it, each process is the init of a PID
 * namespace of its own (CLONE_NEWPID): it sees no other process, and
 * when it ends, everything it might have left behind in there ends too.
 * Otherwise core warns once and creates processes without it.
 *
 * Before the exec the child joins the memory cgroup core made for it
 * (memcg_pd.c), so that its RAM quota bounds everything it ever maps.
 *
 * A process with host access (the PD session's host_access, doc/sandbox.md)
 * is confined the same way but for its view of the host, its IPC
 * namespace and the wider of core's two policies; core warns at each
 * such start.
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

static const char *sandbox_env; /* NULL: the child is confined */
static bool pid_ns_refused;
static bool confine_off;

void
linux_pd_sandbox_off(void)
{
	sandbox_env = PROCESS_SANDBOX_VAR "=off";
	confine_off = true;
}

/* what the clone child needs; it shares core's memory until execveat */
struct spawn_plan {
	int binary, parent, out_w, nice;
	int memcg_procs; /* cgroup.procs of its memory cgroup, -1: none */
	bool set_nice;   /* else the child keeps core's nice value */
	struct pd_confinement confine;
	char *argv[2];
	char *envp[PD_ENV_MAX + 1];
	int err;          /* written by the child if it could not exec */
	const char *step; /* what the child was doing then */
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

/* descriptors: binary above the rest, stdin /dev/null, stdout/err the pipe */
static int
child_descriptors(struct spawn_plan *p)
{
	/* above every target first, so that no dup2 overwrites a later source */
	int bin = fcntl(p->binary, F_DUPFD_CLOEXEC, FD_SAFE_MIN);
	int par = fcntl(p->parent, F_DUPFD, FD_SAFE_MIN);
	int out = fcntl(p->out_w, F_DUPFD, FD_SAFE_MIN);
	int null = open("/dev/null", O_RDONLY);
	if (bin < 0 || par < 0 || out < 0 || null < 0 || dup2(null, STDIN_FILENO) < 0 ||
	    dup2(out, STDOUT_FILENO) < 0 || dup2(out, STDERR_FILENO) < 0 ||
	    dup2(par, PARENT_CAP_FD) < 0)
		return -1;
	close(null);
	close(par);
	close(out);
	return bin;
}

/*
 * The child's side, on the borrowed address space: descriptors, priority,
 * confinement, exec. Privileged steps (the view, joining the memory
 * cgroup) come before the identity is dropped; the filter comes last, it
 * has to admit only the exec from there on.
 */
static int
child_main(void *arg)
{
	struct spawn_plan *p = arg;
	const struct pd_confinement *c = &p->confine;
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL); /* core's blocked SIGUSR1 is not the child's */
	p->step = "descriptors";
	int bin = child_descriptors(p);
	if (bin < 0)
		goto fail;
	p->step = "priority";
	if (p->set_nice && setpriority(PRIO_PROCESS, 0, p->nice) != 0)
		goto fail;
	if (c->on && (errno = pd_confine_view(c, &p->step)) != 0)
		goto fail;
	/* while still privileged: cgroup v1 checks the writer at write time */
	p->step = "memory cgroup";
	if (child_memory_bound(p) != 0)
		goto fail;
	if (c->on && (errno = pd_confine_identity(c, &p->step)) != 0)
		goto fail;
	/* a process must not outlive core; after the id change, which clears it */
	p->step = "parent-death signal";
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0)
		goto fail;
	if (c->on && (errno = pd_confine_filter(c, &p->step)) != 0)
		goto fail;
	p->step = "exec";
	syscall(SYS_execveat, bin, "", p->argv, p->envp, AT_EMPTY_PATH);
fail:
	p->err = errno ? errno : EINVAL;
	_exit(127);
}

static pid_t
clone_child(struct spawn_plan *plan, bool *pid_ns)
{
	static char stack[CHILD_STACK_SIZE] __attribute__((aligned(16)));
	int flags = CLONE_VM | CLONE_VFORK | SIGCHLD | pd_confine_clone_flags(&plan->confine);
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

/* one of core's two policies, compiled at its first use */
struct policy_compiled {
	const struct sandbox_policy *policy;
	const char *name;
	bool done;
	struct sandbox_program program;
};

static struct policy_compiled component_policy = {.policy = SANDBOX_POLICY_COMPONENT,
                                                  .name = "component"};
static struct policy_compiled host_policy = {.policy = SANDBOX_POLICY_HOST_ACCESS,
                                             .name = "host-access"};

static status_t
policy_compile(struct policy_compiled *p, const char *label)
{
	if (p->done)
		return STATUS_OK;
	status_t s = sandbox_program_build(p->policy, &p->program);
	if (s == STATUS_UNAVAILABLE)
		log_error("PD \"%s\": no %s policy on this architecture", label, p->name);
	else if (s != STATUS_OK)
		log_error("cannot compile the %s policy: %u instructions", p->name, p->program.len);
	p->done = s == STATUS_OK;
	return s;
}

/* the confinement of the process of id 'id' (host: with host access) */
static status_t
confinement_of(unsigned id, bool host, const char *label, struct pd_confinement *c)
{
	struct policy_compiled *p = host ? &host_policy : &component_policy;
	bool root = geteuid() == 0;
	*c = (struct pd_confinement){
	        .on = !confine_off,
	        .user_ns = !root,
	        .host = host,
	        .uid = root ? PD_ID_BASE + id : geteuid(),
	        .gid = root ? PD_ID_BASE + id : getegid(),
	        .filter = &p->program,
	        .netns = confine_off ? -1 : linux_netns_shared(),
	        .mntns = confine_off || host ? -1 : linux_mntns_shared(),
	        .ipcns = confine_off || host ? -1 : linux_ipcns_shared(),
	        .utsns = confine_off ? -1 : linux_utsns_shared(),
	        .cap_last = pd_confine_cap_last(),
	};
	c->bound_empty = c->on && pd_confine_own_bound_empty();
	return c->on ? policy_compile(p, label) : STATUS_OK;
}

static void
spawn_failed(const struct linux_pd *p, const struct spawn_plan *plan, const char *binary)
{
	siginfo_t info; /* the child got as far as its _exit: reap it */
	waitid(P_PID, (id_t)p->pid, &info, WEXITED);
	if (strcmp(plan->step, "exec") == 0)
		log_error("PD \"%s\": cannot execute \"%s\": %s", p->label, binary,
		          strerror(plan->err));
	else
		log_error("PD \"%s\": cannot confine the process (%s): %s", p->label, plan->step,
		          strerror(plan->err));
}

static void
clone_failed(const struct linux_pd *p, const struct spawn_plan *plan)
{
	if (plan->confine.on && plan->confine.user_ns && errno == EPERM)
		log_error("PD \"%s\": cannot confine the process: core runs as uid %u and the "
		          "kernel refuses it a user namespace; run core as root (or with "
		          "--no-sandbox, unconfined)",
		          p->label, (unsigned)geteuid());
	else
		log_error("PD \"%s\": cannot create the process: %s", p->label, strerror(errno));
}

static status_t
clone_and_wait(struct linux_pd *p, struct spawn_plan *plan, const char *binary)
{
	/* a child's change of ids marks the shared mm, i.e. core, non-dumpable */
	int dumpable = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
	p->pid = clone_child(plan, &p->pid_ns);
	int err = errno;
	if (dumpable >= 0)
		prctl(PR_SET_DUMPABLE, dumpable, 0, 0, 0);
	errno = err;
	if (p->pid < 0) {
		clone_failed(p, plan);
		return STATUS_OUT_OF_MEMORY;
	}
	if (plan->err) {
		spawn_failed(p, plan, binary);
		return STATUS_DENIED;
	}
	return STATUS_OK;
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
	};
	bool host = start->host_access != NULL;
	linux_pd_env(plan.envp, sandbox_env, host);
	if (linux_core_image_is(binary)) {
		log_error("PD \"%s\": refused to start ROM module \"%s\": it is core's own binary",
		          p->label, start->binary->name);
		return STATUS_DENIED;
	}
	if (confinement_of(p->id, host, p->label, &plan.confine) != STATUS_OK)
		return STATUS_DENIED;
	/* loud, at every start: the one way out of part of the sandbox */
	if (host)
		log_warning("PD \"%s\" runs with host access: %s", p->label, start->host_access);
	status_t s = clone_and_wait(p, &plan, start->binary->name);
	if (s != STATUS_OK)
		return s;
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
