/*
 * \brief  Step 2: namespaces of the component's own
 *
 * Each namespace is asked for on its own, so that one refusal does not
 * cost the others, and each refusal is named in the warning. As root
 * every one succeeds; otherwise a user namespace first makes the process
 * root inside it, where unprivileged user namespaces are enabled.
 *
 * No PID namespace: unshare(CLONE_NEWPID) only moves the caller's future
 * children, the first of which would become that namespace's init and
 * take all later siblings with it when it ends. A component has no
 * children, and init must outlive any of its own; signals to foreign
 * processes are stopped by the filter instead (kill, tgkill).
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "sandbox.h"

static const struct {
	int flag;
	const char *name;
} kinds[] = {
        {CLONE_NEWNS, "mount"},
        {CLONE_NEWIPC, "IPC"},
        {CLONE_NEWUTS, "UTS"},
        {CLONE_NEWNET, "network"},
};

static bool
write_text(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	size_t len = strlen(text);
	bool ok = write(fd, text, len) == (ssize_t)len;
	close(fd);
	return ok;
}

/*
 * Map our own ids 1:1, the only mapping an unprivileged process may
 * write. The /proc/self files of a non-dumpable process belong to root,
 * so dumpable is on while writing them. Without the maps the process
 * still holds every capability inside its user namespace, enough for the
 * other namespaces; only its ids show as "nobody" there.
 */
static bool
enter_user_namespace(struct sandbox_note *n)
{
	char map[64];
	uid_t uid = getuid();
	gid_t gid = getgid();

	if (unshare(CLONE_NEWUSER) != 0)
		return false;
	int dumpable = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
	if (dumpable == 0)
		prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
	snprintf(map, sizeof(map), "%u %u 1\n", (unsigned)uid, (unsigned)uid);
	bool ok = write_text("/proc/self/uid_map", map);
	/* a gid map may only be written once setgroups is off */
	write_text("/proc/self/setgroups", "deny\n");
	snprintf(map, sizeof(map), "%u %u 1\n", (unsigned)gid, (unsigned)gid);
	ok = write_text("/proc/self/gid_map", map) && ok;
	if (dumpable == 0)
		prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	if (!ok)
		sandbox_note(n, "user namespace without id maps: %s", strerror(errno));
	return true;
}

static const char *
refusal(int err)
{
	switch (err) {
	case EPERM:
		return "not permitted (neither root nor unprivileged user namespaces)";
	case EINVAL:
		return "refused while the process has threads";
	default:
		return strerror(err);
	}
}

bool
sandbox_unshare(struct sandbox_note *n)
{
	bool user_tried = geteuid() == 0, mount_ns = false;

	for (unsigned i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		int r = unshare(kinds[i].flag);
		if (r != 0 && errno == EPERM && !user_tried) {
			user_tried = true;
			if (enter_user_namespace(n))
				r = unshare(kinds[i].flag);
			else
				errno = EPERM;
		}
		if (r == 0) {
			mount_ns |= kinds[i].flag == CLONE_NEWNS;
			continue;
		}
		sandbox_note(n, "no %s namespace: %s", kinds[i].name, refusal(errno));
	}
	if (!mount_ns)
		sandbox_note(n, "file system stays visible (seccomp still forbids opening files)");
	return mount_ns;
}
