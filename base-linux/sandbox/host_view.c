/*
 * \brief  The file-system view of a host-access process
 *
 * A process with <host-access> (doc/sandbox.md, "The one exception") is a
 * dynamically linked program that draws into a window of the host's X
 * server: the kernel needs the loader to start it, the loader needs the
 * libraries, Xlib its locale tables and the server's socket. Instead of
 * the empty root it gets a read-only tmpfs that holds exactly these,
 * each bound read-only from the host (symbolic links, as /lib -> usr/lib
 * on a merged-/usr system, are copied as links). Nothing else of the
 * host is there: no /etc, /home, /proc, /dev. A path the host lacks is
 * left out (no X socket directory: the program cannot connect, and says
 * so).
 *
 * Like sandbox_empty_root it runs in core's clone child on core's
 * borrowed memory: plain system calls, buffers on the stack, an errno as
 * the result. The root is hung on a directory that is no ancestor of
 * the paths bound, so that every source stays reachable while the view
 * is built; it is made read-only last.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h> /* the ST_ flags of f_flags */
#include <unistd.h>

#include "sandbox.h"

static const char *const host_paths[] = {
        "/lib",           "/lib64", "/usr/lib", "/usr/lib64", /* the loader and the libraries */
        "/usr/share/X11",                                     /* Xlib's locale and compose tables */
        "/tmp/.X11-unix",                                     /* the X server's socket */
};

/* where the view's root may hang: none is an ancestor of a host path */
static const char *const view_points[] = {"/mnt", "/var/tmp", "/run"};

enum { VIEW_PATH_MAX = 256 };

/* dir (no NUL beyond VIEW_PATH_MAX) followed by path into out */
static int
view_path(const char *dir, const char *path, char out[VIEW_PATH_MAX])
{
	size_t n = 0;
	for (const char *s = dir; *s; s++)
		out[n++] = *s;
	for (const char *s = path; *s && n < VIEW_PATH_MAX - 1; s++)
		out[n++] = *s;
	out[n] = 0;
	return n < VIEW_PATH_MAX - 1 ? 0 : ENAMETOOLONG;
}

/* the directories above path's last element, below the view's root */
static int
parents_make(char *path, size_t root_len)
{
	for (char *s = path + root_len + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = 0;
		int r = mkdir(path, 0755);
		*s = '/';
		if (r != 0 && errno != EEXIST)
			return errno;
	}
	return 0;
}

/* bind the host's directory src at dst, read-only, keeping the flags the kernel locks */
static int
bind_read_only(const char *src, const char *dst)
{
	struct statfs fs;
	if (mkdir(dst, 0755) != 0 || mount(src, dst, 0, MS_BIND, 0) != 0 || statfs(dst, &fs) != 0)
		return errno;
	/* in a user namespace a remount may not drop what the host's mount has */
	unsigned long kept =
	        (unsigned long)fs.f_flags & (ST_NOEXEC | ST_NOATIME | ST_NODIRATIME | ST_RELATIME);
	unsigned long flags = MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV | kept;
	return mount(0, dst, 0, flags, 0) == 0 ? 0 : errno;
}

static int
entry_add(const char *root, const char *path)
{
	char dst[VIEW_PATH_MAX], link[VIEW_PATH_MAX];
	struct stat st;
	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : errno;
	int err = view_path(root, path, dst);
	if (!err)
		err = parents_make(dst, strlen(root));
	if (err)
		return err;
	if (S_ISDIR(st.st_mode))
		return bind_read_only(path, dst);
	if (!S_ISLNK(st.st_mode))
		return 0; /* only directories and links are listed */
	ssize_t n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		return errno;
	link[n] = 0;
	return symlink(link, dst) == 0 ? 0 : errno;
}

static int
view_fill(const char *root)
{
	for (unsigned i = 0; i < sizeof(host_paths) / sizeof(host_paths[0]); i++) {
		int err = entry_add(root, host_paths[i]);
		if (err)
			return err;
	}
	const unsigned long ro = MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC;
	if (mount(0, root, 0, ro, 0) != 0 || chroot(root) != 0 || chdir("/") != 0)
		return errno;
	return 0;
}

int
sandbox_host_view(void)
{
	const unsigned long flags = MS_NOSUID | MS_NODEV | MS_NOEXEC;
	int err = ENOENT;

	if (mount(0, "/", 0, MS_REC | MS_PRIVATE, 0) != 0)
		return errno;
	for (unsigned i = 0; i < sizeof(view_points) / sizeof(view_points[0]); i++) {
		const char *dir = view_points[i];
		if (mount("host-view", dir, "tmpfs", flags, "size=16k,nr_inodes=64,mode=0755") !=
		    0) {
			err = errno;
			continue;
		}
		err = view_fill(dir);
		if (!err)
			return 0;
		umount2(dir, MNT_DETACH);
	}
	return err;
}
