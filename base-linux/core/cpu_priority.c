/*
 * \brief  Applying a CPU session's priority to a Linux thread
 *
 * Linux runs components as processes that create their own threads, so
 * core cannot set a priority when it creates a thread; instead the thread
 * registers itself (create_thread) and core applies the session's
 * priority to the caller. Who called is told by the kernel, not the
 * client: the call arrives on the client thread's private reply channel,
 * a socketpair that client created, and SO_PEERCRED on it names that
 * process. A component cannot make core renice somebody else.
 *
 * The priority becomes a nice value (doc/priorities.md): 128 levels map
 * linearly onto nice 0 .. 19, the highest to 0. core runs unprivileged,
 * and an unprivileged process may only raise nice values, which is
 * exactly the direction a parent may move a child: never above itself.
 * SCHED_RR would need CAP_SYS_NICE, which core should not need.
 */

#define _GNU_SOURCE
#include <errno.h>
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

status_t
platform_cpu_thread_apply(const struct rpc_call *call, uint32_t prio, uint32_t limit, char *how,
                          size_t size)
{
	struct ucred cred;
	socklen_t len = sizeof(cred);
	if (call->channel < 0 ||
	    getsockopt((int)call->channel, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0)
		return STATUS_INVALID_ARGS;
	if (cred.pid <= 0 || cred.pid == getpid())
		return STATUS_DENIED; /* never renice core itself */
	int nice = linux_nice_of(prio, limit);
	/* the process's main thread: Linux keeps nice per thread, tid == pid */
	if (setpriority(PRIO_PROCESS, (id_t)cred.pid, nice) != 0)
		return STATUS_DENIED;
	format_string(how, size, "nice %d", nice);
	return STATUS_OK;
}
