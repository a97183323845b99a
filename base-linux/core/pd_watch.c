/*
 * \brief  Supervising the processes core created
 *
 * core's entrypoint watches each process's pidfd and output pipe beside
 * its RPC objects, so a process's end is handled on the entrypoint's
 * thread, between calls. When the pidfd fires, the pipe is drained first,
 * so that a process's last words always precede the report of its end.
 * The end goes to the PD session (on_end), which tells its client.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <base/log.h>
#include <util/format.h>
#include <util/string.h>

#include "../ipc/ep_watch.h"
#include "memcg.h"
#include "pd_linux.h"

struct linux_pd linux_pds[PD_PROCESSES_MAX];

static void
close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

void
linux_pd_unwatch(struct linux_pd *p)
{
	if (p->pidfd >= 0)
		entrypoint_unwatch(p->ep, p->pid_watch);
	if (p->out_fd >= 0)
		entrypoint_unwatch(p->ep, p->out_watch);
	close_fd(&p->pidfd);
	close_fd(&p->out_fd);
}

static void
out_ready(void *arg)
{
	struct linux_pd *p = arg;
	if (stray_drain(p))
		return;
	entrypoint_unwatch(p->ep, p->out_watch);
	close_fd(&p->out_fd);
}

/* wait for the ended process; siginfo of a pidfd that is readable does not block */
static struct platform_pd_end
reap(struct linux_pd *p)
{
	siginfo_t info = {0};
	while (waitid(P_PIDFD, (id_t)p->pidfd, &info, WEXITED) < 0 && errno == EINTR)
		;
	struct platform_pd_end e = linux_pd_end_of(p, info.si_code, info.si_status);
	linux_memcg_remove((unsigned)(p - linux_pds));
	return e;
}

static void
pid_ready(void *arg)
{
	struct linux_pd *p = arg;
	(void)stray_drain(p);
	stray_flush(p);
	struct platform_pd_end e = reap(p);
	linux_pd_unwatch(p);
	p->ended = true;
	if (p->on_end)
		p->on_end(p->ctx, &e);
}

status_t
linux_pd_watch(struct linux_pd *p)
{
	status_t s = entrypoint_watch(p->ep, p->pidfd, pid_ready, p, &p->pid_watch);
	if (s != STATUS_OK)
		return s;
	s = entrypoint_watch(p->ep, p->out_fd, out_ready, p, &p->out_watch);
	if (s != STATUS_OK)
		entrypoint_unwatch(p->ep, p->pid_watch);
	return s;
}

static struct linux_pd *
slot_alloc(void)
{
	for (unsigned i = 0; i < PD_PROCESSES_MAX; i++)
		if (!linux_pds[i].used)
			return &linux_pds[i];
	return NULL;
}

static status_t
start(struct linux_pd *p, const struct platform_pd_start *start)
{
	int out[2] = {-1, -1};
	if (start->parent.sel < 0 || pipe2(out, O_CLOEXEC | O_NONBLOCK) != 0)
		return start->parent.sel < 0 ? STATUS_INVALID_ARGS : STATUS_OUT_OF_MEMORY;
	p->out_fd = out[0];
	bool bounded;
	int procs = linux_memcg_create((unsigned)(p - linux_pds), start->ram_quota, start->label,
	                               &bounded);
	status_t s = bounded ? linux_pd_spawn(p, start, (int)start->binary->handle, out[1], procs)
	                     : STATUS_OUT_OF_MEMORY;
	close(out[1]);
	if (procs >= 0)
		close(procs);
	if (s == STATUS_OK)
		s = linux_pd_watch(p);
	if (s == STATUS_OK)
		return STATUS_OK;
	if (p->pidfd >= 0) {
		/* created but not watchable: it must not run unsupervised */
		syscall(SYS_pidfd_send_signal, p->pidfd, SIGKILL, NULL, 0);
		(void)reap(p);
	}
	close_fd(&p->pidfd);
	close_fd(&p->out_fd);
	linux_memcg_remove((unsigned)(p - linux_pds)); /* if reap did not */
	return s;
}

status_t
platform_pd_create(struct entrypoint *ep, const struct platform_pd_start *s, unsigned *id)
{
	struct linux_pd *p = slot_alloc();
	if (!p) {
		log_error("PD \"%s\": all %u processes in use", s->label, PD_PROCESSES_MAX);
		return STATUS_OUT_OF_MEMORY;
	}
	*p = (struct linux_pd){
	        .pidfd = -1, .out_fd = -1, .ep = ep, .on_end = s->on_end, .ctx = s->ctx};
	str_copy(p->label, s->label, sizeof(p->label));
	status_t st = start(p, s);
	if (st != STATUS_OK)
		return st;
	p->used = true;
	*id = (unsigned)(p - linux_pds);
	return STATUS_OK;
}

void
platform_pd_destroy(unsigned id)
{
	if (id >= PD_PROCESSES_MAX || !linux_pds[id].used)
		return;
	struct linux_pd *p = &linux_pds[id];
	if (!p->ended) {
		syscall(SYS_pidfd_send_signal, p->pidfd, SIGKILL, NULL, 0);
		(void)stray_drain(p);
		stray_flush(p);
		(void)reap(p);
		linux_pd_unwatch(p);
	}
	p->used = false;
}

/*
 * Read, not remembered: the nice value is what the process got at its
 * creation, since the bind of its main thread (cpu_thread) cannot be
 * served before the entrypoint that is running this returns.
 */
void
platform_pd_describe(unsigned id, char *text, size_t size)
{
	if (id >= PD_PROCESSES_MAX || !linux_pds[id].used) {
		format_string(text, size, "no process");
		return;
	}
	errno = 0;
	int nice = getpriority(PRIO_PROCESS, (id_t)linux_pds[id].pid);
	if (nice == -1 && errno)
		format_string(text, size, "process %d", (int)linux_pds[id].pid);
	else
		format_string(text, size, "process %d at nice %d", (int)linux_pds[id].pid, nice);
}

void
platform_pd_memory_limit(unsigned id, uint64_t quota)
{
	if (id < PD_PROCESSES_MAX && linux_pds[id].used && !linux_pds[id].ended)
		linux_memcg_quota(id, quota, linux_pds[id].label);
}

bool
platform_pd_memory(unsigned id, struct platform_pd_memory *m)
{
	return id < PD_PROCESSES_MAX && linux_pds[id].used && linux_memcg_figures(id, m);
}
