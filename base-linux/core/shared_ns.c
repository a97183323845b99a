/*
 * \brief  A namespace core makes once and every confined process joins
 *
 * The network (netns.c), mount (mntns.c), IPC and UTS (ipc_uts_ns.c)
 * namespaces are made at the first start, and only by a root core:
 * otherwise they would belong to a user namespace the processes are not
 * in. Where that fails, each
 * process gets a namespace of its own, as before, and core says so once.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>

#include <base/log.h>

#include "pd_linux.h"

int
shared_ns_get(struct shared_ns *ns)
{
	if (ns->tried)
		return ns->fd;
	ns->tried = true;
	ns->fd = -1;
	if (geteuid() != 0)
		return -1;
	int got = ns->make();
	if (got < 0)
		log_warning("core: no shared %s namespace (%s): each process gets one of its own",
		            ns->what, strerror(-got));
	else
		ns->fd = got;
	return ns->fd;
}

struct unshare_job {
	int flag;
	const char *proc; /* the name below /proc/thread-self/ns/ */
	int got;          /* the descriptor, or -errno */
};

/* the thread: a fresh namespace, its descriptor into the job */
static void *
unshare_thread(void *arg)
{
	struct unshare_job *job = arg;
	char path[64] = "/proc/thread-self/ns/";

	if (unshare(job->flag) != 0) {
		job->got = -errno;
		return NULL;
	}
	strncat(path, job->proc, sizeof(path) - strlen(path) - 1);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	job->got = fd < 0 ? -errno : fd;
	return NULL;
}

/*
 * Namespaces belong to threads: a short-lived thread of core's unshares a
 * fresh one, keeps a descriptor of it and ends, so no thread of core ever
 * leaves core's own namespace.
 */
int
shared_ns_unshare(int flag, const char *proc)
{
	struct unshare_job job = {flag, proc, -EPERM};
	pthread_t t;

	if ((errno = pthread_create(&t, NULL, unshare_thread, &job)) != 0)
		return -errno;
	pthread_join(t, NULL);
	return job.got;
}
