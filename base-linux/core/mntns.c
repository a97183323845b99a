/*
 * \brief  The one empty mount namespace every confined process joins
 *
 * A mount namespace of its own per process meant copying the host's whole
 * mount tree at each clone (CLONE_NEWNS), then making it private,
 * mounting an empty tmpfs and chrooting into it, and tearing all of it
 * down again at the end: about 100 us of every start (doc/pd.md,
 * "Figures"). core makes one namespace instead, whose only mount is the
 * empty read-only root (sandbox_empty_namespace): the host's mounts are
 * detached from it, not just hidden by a chroot. A process joins it by
 * setns, which also sets its root and working directory to that root.
 *
 * One namespace for all is as closed as one each, because nothing in it
 * can change: the root is a read-only tmpfs of one inode, and mount,
 * umount2, pivot_root, chroot and the open calls are forbidden by the
 * filter of every policy, besides the missing CAP_SYS_ADMIN. So no
 * process can put anything there for another to find. run/confinement
 * checks from outside that each process sees nothing but that root.
 *
 * core makes it once, at the first start, in a short-lived child: a
 * thread cannot take a mount namespace of its own while it shares its
 * file-system context with core's other threads. The child shares core's
 * memory and descriptor table (CLONE_VM | CLONE_VFORK | CLONE_FILES), so
 * the descriptor of its namespace stays with core after it ends. A
 * process with host access gets its own namespace and view as before;
 * so does every process where core is not root (the namespace would
 * belong to a user namespace the processes are not in) or where the
 * kernel refuses (pivot_root on an initramfs root).
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <base/sandbox_linux.h>

#include "pd_linux.h"

enum { HELPER_STACK_SIZE = 16 * 1024 };

struct mntns_make {
	int fd, err;
};

/* the child, in a mount namespace of its own, on core's memory and descriptors */
static int
mntns_build(void *arg)
{
	struct mntns_make *m = arg;
	m->fd = open("/proc/self/ns/mnt", O_RDONLY | O_CLOEXEC);
	if (m->fd < 0)
		m->err = errno;
	else
		m->err = sandbox_empty_namespace();
	_exit(m->err ? 1 : 0);
}

static int
mntns_make(void)
{
	static char stack[HELPER_STACK_SIZE] __attribute__((aligned(16)));
	struct mntns_make m = {-1, 0};
	pid_t pid = clone(mntns_build, stack + sizeof(stack),
	                  CLONE_VM | CLONE_VFORK | CLONE_FILES | CLONE_NEWNS | SIGCHLD, &m);
	if (pid < 0)
		return -errno;
	siginfo_t info;
	waitid(P_PID, (id_t)pid, &info, WEXITED);
	if (m.err == 0 && m.fd >= 0)
		return m.fd;
	if (m.fd >= 0)
		close(m.fd);
	return -(m.err ? m.err : EINVAL);
}

static struct shared_ns mntns = {.what = "empty mount", .make = mntns_make};

int
linux_mntns_shared(void)
{
	return shared_ns_get(&mntns);
}
