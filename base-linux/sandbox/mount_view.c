/*
 * \brief  Step 3: what the file system looks like from inside
 *
 * A component reaches files only through ROM sessions, i.e. descriptors,
 * so its root becomes an empty read-only tmpfs. The filter already
 * forbids opening files; the empty root also covers what the filter
 * cannot tell by arguments, such as the path given to newfstatat.
 *
 * core makes the empty root for every process it creates, between clone
 * and exec, on core's borrowed memory: sandbox_empty_root therefore uses
 * plain system calls only and reports an errno instead of text. A core
 * running as root makes it once instead, as the one mount of a namespace
 * all components join (sandbox_empty_namespace, base-linux/core/mntns.c).
 *
 * Everything happens in our own mount namespace; mounts are made private
 * first, so that nothing propagates back to the host's namespace.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sandbox.h"

/* directories that exist on any usual system, to hang the empty root on */
static const char *const mount_points[] = {"/tmp", "/mnt", "/run", "/var/tmp"};

/* the empty root mounted on one of mount_points; its directory, or NULL and *err */
static const char *
empty_mount(int *err)
{
	const unsigned long flags = MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC;
	*err = ENOENT;
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) {
		*err = errno;
		return NULL;
	}
	for (unsigned i = 0; i < sizeof(mount_points) / sizeof(mount_points[0]); i++) {
		const char *dir = mount_points[i];
		if (mount("sandbox", dir, "tmpfs", flags, "size=4k,nr_inodes=1,mode=0555") == 0)
			return dir;
		*err = errno;
	}
	return NULL;
}

int
sandbox_empty_root(void)
{
	int err;
	const char *dir = empty_mount(&err);
	if (!dir)
		return err;
	if (chroot(dir) == 0 && chdir("/") == 0)
		return 0;
	err = errno;
	umount2(dir, MNT_DETACH);
	return err;
}

/*
 * The empty root as the only mount of the namespace: pivot_root(".", ".")
 * stacks the old root on the new one, and detaching it takes every mount
 * of the host out of the namespace (they stay only hidden by a chroot).
 */
int
sandbox_empty_namespace(void)
{
	int err;
	const char *dir = empty_mount(&err);
	if (!dir)
		return err;
	if (chdir(dir) == 0 && syscall(SYS_pivot_root, ".", ".") == 0 &&
	    umount2(".", MNT_DETACH) == 0 && chdir("/") == 0)
		return 0;
	return errno;
}

void
sandbox_mount_view(enum sandbox_role role, struct sandbox_note *n)
{
	bool host = role == SANDBOX_ROLE_HOST_ACCESS;
	int err = host ? sandbox_host_view() : sandbox_empty_root();
	if (err)
		sandbox_note(n, "no %s: %s", host ? "host view" : "empty root", strerror(err));
}
