/*
 * \brief  Confining a new process between clone and exec
 *
 * core confines every process it creates before the process's first
 * instruction, so a binary that does not use the framework (or one that
 * would rather not confine itself) is held all the same: a fresh PID
 * namespace (clone flag), the one IPC and one UTS namespace core made for
 * all of them (ipc_uts_ns.c), the one empty network namespace (netns.c),
 * an empty read-only root (a root core: the one mount namespace that
 * holds nothing but that root, mntns.c; else a fresh mount namespace and
 * a chroot), an unprivileged identity without capabilities, no_new_privs
 * and the seccomp filter of the component policy. All of it survives the
 * exec; a component may add filters afterwards, never remove one. A
 * process with host access keeps the host's IPC namespace and sees a
 * read-only view of what an X11 program reads instead of the empty root,
 * under the wider host-access policy (doc/sandbox.md).
 *
 * The steps run in the clone child on core's borrowed address space
 * (CLONE_VM | CLONE_VFORK): plain system calls only, no allocation, no
 * libc state. In particular no glibc setuid/setgroups wrapper: those
 * broadcast the change to every thread of the "process", i.e. core's.
 *
 * Identity: a core running as root gives each process a uid and gid of
 * its own, PD_ID_BASE + its slot, no supplementary groups. A core started
 * by a developer cannot change ids; it asks for a user namespace in the
 * clone flags, and the child maps its own ids 1:1 there (the only map an
 * unprivileged process may write), then drops every capability it got
 * inside that namespace.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "pd_linux.h"

/* last: it defines a cap_valid macro that base/capability.h's function would trip over */
#include <linux/capability.h>

/*
 * The highest capability the kernel knows, read once: dropping the 64
 * numbers a capability set has room for cost 23 refused calls per start
 * on this kernel. 63 where the file cannot be read.
 */
unsigned
pd_confine_cap_last(void)
{
	static unsigned last;
	if (last)
		return last;
	last = 63;
	char buf[16];
	int fd = open("/proc/sys/kernel/cap_last_cap", O_RDONLY | O_CLOEXEC);
	ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
	if (fd >= 0)
		close(fd);
	unsigned v = 0;
	for (ssize_t i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; i++)
		v = v * 10 + (unsigned)(buf[i] - '0');
	if (n > 0 && v > 0 && v < 64)
		last = v;
	return last;
}

int
pd_confine_clone_flags(const struct pd_confinement *c)
{
	if (!c->on)
		return 0;
	/* host access keeps the host's IPC namespace: the X server attaches MIT-SHM segments */
	return (c->mntns < 0 ? CLONE_NEWNS : 0) | (c->host || c->ipcns >= 0 ? 0 : CLONE_NEWIPC) |
	       (c->utsns < 0 ? CLONE_NEWUTS : 0) | (c->netns < 0 ? CLONE_NEWNET : 0) |
	       (c->user_ns ? CLONE_NEWUSER : 0);
}

/* decimal digits of v and a newline into buf (no printf in the child) */
static size_t
id_text(unsigned v, char *buf)
{
	char tmp[12];
	size_t n = 0, len = 0;
	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) && n < sizeof(tmp));
	while (n)
		buf[len++] = tmp[--n];
	return len;
}

static int
write_file(const char *path, const char *text, size_t len)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	int err = write(fd, text, len) == (ssize_t)len ? 0 : (errno ? errno : EIO);
	close(fd);
	return err;
}

/* "<id> <id> 1": our own id, the one map an unprivileged process may write */
static int
map_own_id(const char *path, unsigned id)
{
	char line[40];
	size_t n = id_text(id, line);
	line[n++] = ' ';
	n += id_text(id, line + n);
	line[n++] = ' ';
	line[n++] = '1';
	line[n++] = '\n';
	return write_file(path, line, n);
}

static int
user_ns_map(const struct pd_confinement *c)
{
	int err = map_own_id("/proc/self/uid_map", c->uid);
	/* the kernel accepts a gid map from the unprivileged only without setgroups */
	if (!err)
		err = write_file("/proc/self/setgroups", "deny\n", 5);
	return err ? err : map_own_id("/proc/self/gid_map", c->gid);
}

int
pd_confine_view(const struct pd_confinement *c, const char **step)
{
	*step = "user namespace id maps";
	int err = c->user_ns ? user_ns_map(c) : 0;
	if (err)
		return err;
	*step = "network namespace";
	if (c->netns >= 0 && setns(c->netns, CLONE_NEWNET) != 0)
		return errno;
	*step = "IPC namespace";
	if (c->ipcns >= 0 && setns(c->ipcns, CLONE_NEWIPC) != 0)
		return errno;
	*step = "UTS namespace";
	if (c->utsns >= 0 && setns(c->utsns, CLONE_NEWUTS) != 0)
		return errno;
	/* joining sets our root and working directory to the namespace's empty root */
	*step = "mount namespace";
	if (c->mntns >= 0 && setns(c->mntns, CLONE_NEWNS) != 0)
		return errno;
	*step = c->host ? "host view" : "empty root";
	err = c->host ? sandbox_host_view() : c->mntns < 0 ? sandbox_empty_root() : 0;
	if (err)
		return err;
	/* a hostile binary's crash must not write a core file anywhere */
	*step = "RLIMIT_CORE";
	struct rlimit none = {0, 0};
	return setrlimit(RLIMIT_CORE, &none) == 0 ? 0 : errno;
}

/*
 * core itself never needs a capability through an exec: its only exec is
 * a new process's, which must get none. So a core that may (root) empties
 * the bounding set of the thread that spawns, once, and every child
 * inherits the empty set instead of dropping its 41 entries one call at a
 * time (60 us of each start on the development VM). The set is per thread:
 * each spawning thread does it for itself. core's own capabilities stay
 * (the bounding set limits only what an exec may grant).
 */
bool
pd_confine_own_bound_empty(void)
{
	static _Thread_local int state; /* 0: not tried, 1: empty, -1: cannot */
	if (state)
		return state > 0;
	state = 1;
	for (unsigned long cap = 0; cap <= pd_confine_cap_last() && state > 0; cap++)
		if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 && errno != EINVAL)
			state = -1;
	for (unsigned long cap = 0; cap <= pd_confine_cap_last() && state > 0; cap++)
		if (prctl(PR_CAPBSET_READ, cap, 0, 0, 0) != 0)
			state = -1;
	return state > 0;
}

/* no capability can be had again: bounding and ambient sets emptied */
static int
caps_bound_drop(const struct pd_confinement *c)
{
	for (unsigned long cap = 0; !c->bound_empty && cap <= c->cap_last; cap++)
		if (syscall(SYS_prctl, PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 && errno != EINVAL)
			return errno;
	return syscall(SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) == 0 ? 0
	                                                                                  : errno;
}

/* none left: effective, permitted, inheritable */
static int
caps_clear(void)
{
	struct __user_cap_header_struct hdr = {_LINUX_CAPABILITY_VERSION_3, 0};
	struct __user_cap_data_struct none[_LINUX_CAPABILITY_U32S_3] = {{0, 0, 0}};
	return syscall(SYS_capset, &hdr, none) == 0 ? 0 : errno;
}

/* the ids of a root core's process; needs CAP_SETUID and CAP_SETGID */
static int
ids_set(const struct pd_confinement *c, const char **step)
{
	*step = "setgroups";
	if (syscall(SYS_setgroups, 0, NULL) != 0)
		return errno;
	*step = "setresgid";
	if (syscall(SYS_setresgid, c->gid, c->gid, c->gid) != 0)
		return errno;
	*step = "setresuid";
	return syscall(SYS_setresuid, c->uid, c->uid, c->uid) == 0 ? 0 : errno;
}

int
pd_confine_identity(const struct pd_confinement *c, const char **step)
{
	/* the bounding set needs CAP_SETPCAP, which the id change takes away */
	*step = "bounding set";
	int err = caps_bound_drop(c);
	/* in a user namespace the ids are mapped already */
	if (!err && !c->user_ns)
		err = ids_set(c, step);
	if (err)
		return err;
	*step = "capabilities";
	return caps_clear();
}

int
pd_confine_filter(const struct pd_confinement *c, const char **step)
{
	*step = "seccomp filter";
	/* our pid as we see it: 1 in a PID namespace of our own */
	return sandbox_program_install(c->filter, (pid_t)syscall(SYS_getpid), false);
}
