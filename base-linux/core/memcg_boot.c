/*
 * \brief  Finding core's memory cgroup and making core's own parent of
 *         all per-process cgroups
 *
 * The memory controller is found where the kernel says it is: the mount
 * from /proc/self/mountinfo (cgroup v1 with the "memory" option, else
 * cgroup v2 whose cgroup.controllers lists memory) and core's own cgroup
 * in that hierarchy from /proc/self/cgroup. core stays where it is and
 * makes one parent cgroup "genode-core-<pid>" (several cores may run at
 * once) with one child per process below it (memcg_pd.c).
 *
 * On cgroup v2 a cgroup with processes cannot hand controllers down
 * ("no internal processes"), so if core's own cgroup cannot enable memory
 * for its children, the parent is made next to it instead, whose parent
 * enables memory for it already (core's own cgroup has the controller).
 *
 * core removes them at its exit, and those of cores that ended without
 * one (killed) at its boot.
 *
 * Where none of this works, core says why once at boot and components run
 * without a memory bound (linux_memcg_ready() is false).
 */

#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <base/log.h>
#include <util/format.h>
#include <util/string.h>

#include "memcg.h"

struct linux_memcg linux_memcg;

/* whether the comma-separated list has word */
static bool
list_has(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
		if (strncmp(p, word, n) == 0 && (p[n] == ',' || p[n] == 0 || p[n] == '\n'))
			return true;
	return false;
}

/*
 * The mount point and root of the hierarchy: v1 with option memory, or
 * v2 (fstype cgroup2). mountinfo: id parent dev root point opts ... - type src super
 */
static bool
mount_find(bool v2, char *root, char *point)
{
	FILE *f = fopen("/proc/self/mountinfo", "re");
	char line[1024], r[MEMCG_PATH_MAX], pt[MEMCG_PATH_MAX], type[32], super[512];
	bool found = false;
	while (f && !found && fgets(line, sizeof(line), f)) {
		const char *dash = strstr(line, " - ");
		if (!dash || sscanf(line, "%*s %*s %*s %255s %255s", r, pt) != 2 ||
		    sscanf(dash + 3, "%31s %*s %511s", type, super) != 2)
			continue;
		found = v2 ? strcmp(type, "cgroup2") == 0
		           : strcmp(type, "cgroup") == 0 && list_has(super, "memory");
	}
	if (f)
		fclose(f);
	if (found) {
		str_copy(root, r, MEMCG_PATH_MAX);
		str_copy(point, pt, MEMCG_PATH_MAX);
	}
	return found;
}

/* core's cgroup path: the v1 line naming memory, or v2's "0::" line */
static bool
own_path(bool v2, char *path)
{
	FILE *f = fopen("/proc/self/cgroup", "re");
	char line[1024];
	bool found = false;
	while (f && !found && fgets(line, sizeof(line), f)) {
		char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
		if (!c2)
			continue;
		*c2 = 0;
		found = v2 ? strcmp(c1 + 1, "") == 0 && line[0] == '0' : list_has(c1 + 1, "memory");
		if (found)
			str_copy(path, c2 + 1, MEMCG_PATH_MAX);
	}
	if (f)
		fclose(f);
	if (found)
		path[strcspn(path, "\n")] = 0;
	return found;
}

/* core's own cgroup directory in hierarchy v1 or v2, or why not */
static const char *
own_dir(bool v2, char *dir)
{
	char root[MEMCG_PATH_MAX], point[MEMCG_PATH_MAX], path[MEMCG_PATH_MAX];
	if (!mount_find(v2, root, point))
		return v2 ? "no cgroup2 mount" : "no cgroup v1 memory mount";
	if (!own_path(v2, path))
		return "core's cgroup is not in /proc/self/cgroup";
	size_t rl = strcmp(root, "/") == 0 ? 0 : strlen(root);
	if (rl && (strncmp(path, root, rl) != 0 || (path[rl] != '/' && path[rl] != 0)))
		return "core's cgroup is outside the mounted hierarchy";
	format_string(dir, MEMCG_PATH_MAX, "%s%s", point, path + rl);
	return NULL;
}

bool
linux_memcg_file_write(const char *dir, const char *file, const char *text)
{
	char path[MEMCG_PATH_MAX + 32];
	format_string(path, sizeof(path), "%s/%s", dir, file);
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t n = write(fd, text, strlen(text));
	int err = errno;
	close(fd);
	errno = err;
	return n == (ssize_t)strlen(text);
}

bool
linux_memcg_file_read(const char *dir, const char *file, char *buf, size_t size)
{
	char path[MEMCG_PATH_MAX + 32];
	format_string(path, sizeof(path), "%s/%s", dir, file);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, buf, size - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	return n > 0;
}

/* remove cgroup dir and its empty per-process children; EBUSY leaves the busy */
static void
tree_remove(const char *dir)
{
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d));) {
		char sub[MEMCG_PATH_MAX + 64];
		format_string(sub, sizeof(sub), "%s/%s", dir, e->d_name);
		if (e->d_type == DT_DIR && strncmp(e->d_name, "pd", 2) == 0)
			(void)rmdir(sub);
	}
	if (d)
		closedir(d);
	(void)rmdir(dir);
}

/*
 * The cgroups of cores that ended without their exit (the run tool ends
 * core by SIGTERM): an empty cgroup of a core that is gone is removed.
 * A cgroup with processes in it cannot be removed, so this never touches
 * a core that still runs elsewhere.
 */
static void
stale_sweep(const char *base)
{
	DIR *d = opendir(base);
	for (struct dirent *e; d && (e = readdir(d));) {
		int pid;
		char dir[MEMCG_PATH_MAX + 64];
		if (sscanf(e->d_name, "genode-core-%d", &pid) != 1 ||
		    (kill(pid, 0) == 0 || errno != ESRCH))
			continue;
		format_string(dir, sizeof(dir), "%s/%s", base, e->d_name);
		tree_remove(dir);
	}
	if (d)
		closedir(d);
}

/* a fresh "genode-core-<pid>[-i]" below base; a stale empty one is removed first */
static bool
parent_make(const char *base)
{
	stale_sweep(base);
	for (unsigned i = 0; i < 8; i++) {
		char suffix[16] = "";
		if (i)
			format_string(suffix, sizeof(suffix), "-%u", i);
		format_string(linux_memcg.dir, MEMCG_PATH_MAX, "%s/genode-core-%d%s", base,
		              (int)getpid(), suffix);
		(void)rmdir(linux_memcg.dir);
		if (mkdir(linux_memcg.dir, 0755) == 0)
			return true;
		if (errno != EEXIST)
			return false;
	}
	return false;
}

/* v2: a parent whose children have memory.max, or why not */
static const char *
parent_v2(const char *own)
{
	char controllers[256];
	if (!linux_memcg_file_read(own, "cgroup.controllers", controllers, sizeof(controllers)) ||
	    !strstr(controllers, "memory"))
		return "cgroup v2 without the memory controller";
	const char *base = own;
	char up[MEMCG_PATH_MAX];
	if (!linux_memcg_file_write(own, "cgroup.subtree_control", "+memory")) {
		/* core's cgroup has processes: the parent goes next to it */
		str_copy(up, own, sizeof(up));
		char *slash = strrchr(up, '/');
		if (!slash || slash == up)
			return "cgroup v2: cannot enable memory below core's cgroup";
		*slash = 0;
		base = up;
	}
	if (!parent_make(base))
		return strerror(errno);
	if (!linux_memcg_file_write(linux_memcg.dir, "cgroup.subtree_control", "+memory")) {
		(void)rmdir(linux_memcg.dir);
		return "cgroup v2: cannot enable memory in core's parent cgroup";
	}
	return NULL;
}

static void
memcg_exit(void)
{
	linux_memcg_remove_all();
	if (rmdir(linux_memcg.dir) != 0)
		log_warning("core: cannot remove memory cgroup %s: %s", linux_memcg.dir,
		            strerror(errno));
}

/* core's parent cgroup, or why none */
static const char *
memcg_setup(void)
{
	char own[MEMCG_PATH_MAX];
	const char *why_v1 = own_dir(false, own);
	if (!why_v1) {
		if (!parent_make(own))
			return strerror(errno);
		return NULL;
	}
	const char *why_v2 = own_dir(true, own);
	linux_memcg.v2 = true;
	if (why_v2) {
		static char why[160];
		format_string(why, sizeof(why), "%s, %s", why_v1, why_v2);
		return why;
	}
	return parent_v2(own);
}

void
linux_memcg_init(void)
{
	const char *why = memcg_setup();
	if (why) {
		log_warning("core: no memory cgroup (%s): a component's memory is NOT bounded by "
		            "its RAM quota",
		            why);
		return;
	}
	linux_memcg.ready = true;
	atexit(memcg_exit);
	log_print("core: memory cgroup v%d %s: each process's memory is bounded by its RAM "
	          "quota + %u KiB (+ %u KiB of hysteresis)",
	          linux_memcg.v2 ? 2 : 1, linux_memcg.dir, (unsigned)(MEMCG_ALLOWANCE >> 10),
	          (unsigned)(MEMCG_HYSTERESIS >> 10));
}
