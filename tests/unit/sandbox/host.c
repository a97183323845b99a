/*
 * \brief  The host-access policy: what it adds, and what it still forbids
 *
 * doc/sandbox.md, "The one exception". A child enters the policy and
 * finds the read-only host view (the libraries, not /etc), reads a file
 * and maps it executable, makes a local socket and a private SysV
 * segment. The component policy's prohibitions hold otherwise: each
 * attempt below ends its child with SIGSYS, or is refused with an errno
 * where the policy says so. Only x86_64 describes the policy; elsewhere
 * entering it must be refused as unavailable.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../harness/harness.h"
#include "cases.h"

/* a file every Debian has below /usr/lib, which the view holds */
#define VIEW_FILE "/usr/lib/os-release"

static int
view_look(void)
{
	struct stat st;
	if (child_report->why[0])
		return 0; /* no view here: the parent says so */
	MUST(stat("/usr/lib", &st) == 0 && S_ISDIR(st.st_mode));
	MUST(stat("/etc/passwd", &st) != 0 && errno == ENOENT);
	MUST(stat("/home", &st) != 0 && errno == ENOENT);
	MUST(stat("/proc/self", &st) != 0 && errno == ENOENT);
	int fd = open(VIEW_FILE, O_RDONLY | O_CLOEXEC);
	MUST(fd >= 0);
	void *p = mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0);
	MUST(p != MAP_FAILED);
	munmap(p, 4096);
	close(fd);
	/* read-only twice: the filter refuses, the mount would */
	MUST(open(VIEW_FILE, O_RDWR) < 0 && errno == EACCES);
	MUST(open("/usr/lib/new", O_WRONLY | O_CREAT, 0600) < 0 && errno == EACCES);
	return 0;
}

static int
host_calls(void)
{
	struct sockaddr_un nowhere = {.sun_family = AF_UNIX, .sun_path = "/nonexistent/X0"};
	int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	MUST(s >= 0);
	MUST(connect(s, (struct sockaddr *)&nowhere, sizeof(nowhere)) < 0 && errno == ENOENT);
	close(s);
	int id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	MUST(id >= 0);
	void *p = shmat(id, NULL, 0);
	MUST(p != (void *)-1);
	MUST(shmctl(id, IPC_RMID, NULL) == 0 && shmdt(p) == 0);
	struct utsname u;
	MUST(uname(&u) == 0);
	MUST(getuid() == geteuid() && getgid() == getegid());
	return 0;
}

void
host_policy_allows(void)
{
	if (!arch_host_policy) {
		int st = child_run(SANDBOX_POLICY_HOST_ACCESS, view_look);
		/* child_run's exit code when sandbox_enter failed */
		CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 100);
		CHECK_EQ(child_report->status, (int)STATUS_UNAVAILABLE);
		printf("  no host-access policy on this architecture, as documented\n");
		return;
	}
	CHECK(child_exited_ok(child_run(SANDBOX_POLICY_HOST_ACCESS, view_look)));
	if (child_report->why[0])
		printf("  host view not checked: %s\n", child_report->why);
	CHECK(child_exited_ok(child_run(SANDBOX_POLICY_HOST_ACCESS, host_calls)));
}

static long
do_socket_inet(void)
{
	return socket(AF_INET, SOCK_STREAM, 0);
}
static long
do_shmget_key(void)
{
	return shmget(0x6e6f6e65, 4096, 0600);
}
static long
do_shmctl_stat(void)
{
	struct shmid_ds ds;
	return shmctl(0, IPC_STAT, &ds);
}
static long
do_fork(void)
{
	long r = fork();
	if (r == 0)
		_exit(0);
	return r;
}
static long
do_bind(void)
{
	struct sockaddr_un a = {.sun_family = AF_UNIX, .sun_path = "/nonexistent/s"};
	return bind(0, (struct sockaddr *)&a, sizeof(a));
}
static long
do_open_write(void)
{
	return open("/nonexistent/file", O_WRONLY | O_CREAT, 0600);
}

static const struct attempt in_host[] = {
        KILLED(socket_inet),   KILLED(shmget_key),
        KILLED(shmctl_stat),   KILLED(mmap_exec),
        KILLED(mprotect_exec), KILLED(fork),
        KILLED(bind),          {"open_write", do_open_write, EACCES, EACCES},
};

void
host_policy_forbids(void)
{
	if (!arch_host_policy)
		return; /* host_policy_allows showed it cannot be entered */
	attempt_all(SANDBOX_POLICY_HOST_ACCESS, "host-access", in_host,
	            sizeof(in_host) / sizeof(in_host[0]));
}
