/*
 * \brief  Applying a CPU session's priority to a Linux thread
 *
 * Linux runs components as processes that create their own threads, so
 * core cannot create a kernel thread for a thread object; instead each
 * thread binds itself to its object (cpu_thread bind) and core applies
 * the session's priority to it. Which process called is told by the
 * kernel, not the client: the call arrives on the client thread's private
 * reply channel, a socketpair that client created, and SO_PEERCRED on it
 * names that process. Which of its threads is the client's word, its
 * thread id in its own PID namespace (the only one it knows); core
 * accepts it only if the kernel lists such a thread in that process
 * (/proc/<pid>/task/<tid>/status, NSpid: the id in core's namespace
 * first, the process's own last). A component cannot make core renice a
 * thread of somebody else, only one of its own.
 *
 * The priority becomes a nice value (doc/priorities.md): 128 levels map
 * linearly onto nice 0 .. 19, the highest to 0. core runs unprivileged,
 * and an unprivileged process may only raise nice values, which is
 * exactly the direction a parent may move a child: never above itself.
 * SCHED_RR would need CAP_SYS_NICE, which core should not need.
 */

#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <util/format.h>

#include "pd_linux.h"
#include "platform.h"

enum { NICE_LOWEST = 19 };

/*
 * nice for prio of 0 .. limit; beyond limit counts as limit (10.02's top
 * band). Relative to core's own nice, so that a core started niced (a
 * test machine) still only lowers its components and never fails for
 * trying to raise one above itself.
 */
int
linux_nice_of(uint32_t prio, uint32_t limit)
{
	errno = 0;
	int base = getpriority(PRIO_PROCESS, 0);
	if (base == -1 && errno != 0)
		base = 0;
	int delta = 0;
	if (limit != 0 && prio < limit)
		delta = (int)(((uint64_t)(limit - prio) * NICE_LOWEST) / limit);
	return base + delta > NICE_LOWEST ? NICE_LOWEST : base + delta;
}

/* the last number of the NSpid line of a task's status: its id in its own namespace */
static bool
task_inner_id(pid_t pid, const char *task, uint64_t *inner)
{
	char path[64], line[256];
	bool found = false;
	format_string(path, sizeof(path), "/proc/%d/task/%s/status", (int)pid, task);
	FILE *f = fopen(path, "re");
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f))
		if (strncmp(line, "NSpid:", 6) == 0) {
			char *last = strrchr(line, '\t');
			last = last ? last : line + 6;
			*inner = strtoull(last, NULL, 10);
			found = true;
		}
	fclose(f);
	return found;
}

/* one pass over /proc/<pid>/task: the thread that calls itself inner, or 0 */
static pid_t
thread_scan(pid_t pid, uint64_t inner)
{
	char path[32];
	format_string(path, sizeof(path), "/proc/%d/task", (int)pid);
	DIR *dir = opendir(path);
	if (!dir)
		return 0;
	pid_t tid = 0;
	struct dirent *e;
	uint64_t id;
	while (!tid && (e = readdir(dir)) != NULL)
		if (e->d_name[0] != '.' && task_inner_id(pid, e->d_name, &id) && id == inner)
			tid = (pid_t)strtol(e->d_name, NULL, 10);
	closedir(dir);
	return tid;
}

/*
 * The thread of process pid (core's view) that calls itself inner, or 0.
 * The caller is blocked in this very call, so it exists; but a readdir of
 * /proc/<pid>/task walks the thread list by position, and threads of the
 * same process that exit meanwhile shift it, so one pass can skip the
 * caller (seen with 100 threads ending at once). A few passes make that
 * as unlikely as threads ending between each of them.
 */
static pid_t
thread_of(pid_t pid, uint64_t inner)
{
	enum { PASSES = 4 };
	pid_t tid = 0;
	for (unsigned i = 0; i < PASSES && tid == 0; i++)
		tid = thread_scan(pid, inner);
	return tid;
}

status_t
platform_cpu_thread_bind(const struct rpc_call *call, uint64_t kernel_id, uint32_t prio,
                         uint32_t limit, char *how, size_t size)
{
	struct ucred cred;
	socklen_t len = sizeof(cred);
	if (call->channel < 0 ||
	    getsockopt((int)call->channel, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0)
		return STATUS_INVALID_ARGS;
	if (cred.pid <= 0 || cred.pid == getpid())
		return STATUS_DENIED; /* never renice core itself */
	pid_t tid = kernel_id > 0 ? thread_of(cred.pid, kernel_id) : 0;
	if (tid <= 0)
		return STATUS_NOT_FOUND;
	int nice = linux_nice_of(prio, limit);
	/* Linux keeps nice per thread: PRIO_PROCESS with a tid names that thread */
	if (setpriority(PRIO_PROCESS, (id_t)tid, nice) != 0)
		return STATUS_DENIED;
	format_string(how, size, "thread %d at nice %d", (int)tid, nice);
	return STATUS_OK;
}
