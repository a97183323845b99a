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
#include "core_heap.h"
#include "memcg.h"
#include "pd_linux.h"

/*
 * core's processes, each record a block of core's heap (OWNED by this
 * list from platform_pd_create to platform_pd_destroy). Found by id with
 * a walk: the calls by id are a process's creation, end, quota changes
 * and description, each of which costs system calls that outweigh it.
 */
static struct linux_pd *pds;
static unsigned next_id;

struct linux_pd *
linux_pd_first(void)
{
	return pds;
}

static struct linux_pd *
pd_of(unsigned id)
{
	for (struct linux_pd *p = pds; p; p = p->next)
		if (p->id == id)
			return p;
	return NULL;
}

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
	linux_memcg_remove(&p->memcg);
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

/*
 * An id no living process has: ids count up and wrap below PD_ID_COUNT
 * (a uid each, pd_spawn.c), so one is reused only after two billion
 * processes, and then only if its process is gone.
 */
static unsigned
id_alloc(void)
{
	while (pd_of(next_id))
		next_id = (next_id + 1) % PD_ID_COUNT;
	unsigned id = next_id;
	next_id = (next_id + 1) % PD_ID_COUNT;
	return id;
}

static status_t
start(struct linux_pd *p, const struct platform_pd_start *start)
{
	int out[2] = {-1, -1};
	if (start->parent.sel < 0 || pipe2(out, O_CLOEXEC | O_NONBLOCK) != 0)
		return start->parent.sel < 0 ? STATUS_INVALID_ARGS : STATUS_OUT_OF_MEMORY;
	p->out_fd = out[0];
	bool bounded;
	int procs = linux_memcg_create(&p->memcg, p->id, start->ram_quota, start->label, &bounded);
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
	linux_memcg_remove(&p->memcg); /* if reap did not */
	return s;
}

status_t
platform_pd_create(struct entrypoint *ep, const struct platform_pd_start *s, unsigned *id)
{
	void *block;
	status_t st = heap_alloc(core_heap(), sizeof(struct linux_pd), &block);
	if (st != STATUS_OK) {
		log_error("PD \"%s\": no memory for core's record of its process", s->label);
		return st;
	}
	struct linux_pd *p = block;
	*p = (struct linux_pd){.id = id_alloc(),
	                       .pidfd = -1,
	                       .out_fd = -1,
	                       .ep = ep,
	                       .on_end = s->on_end,
	                       .ctx = s->ctx,
	                       .memcg = {.limit_fd = {-1, -1}}};
	str_copy(p->label, s->label, sizeof(p->label));
	st = start(p, s);
	if (st != STATUS_OK) {
		(void)heap_free(core_heap(), p);
		return st;
	}
	p->next = pds;
	pds = p;
	*id = p->id;
	return STATUS_OK;
}

void
platform_pd_destroy(unsigned id)
{
	struct linux_pd **link = &pds;
	while (*link && (*link)->id != id)
		link = &(*link)->next;
	struct linux_pd *p = *link;
	if (!p)
		return;
	if (!p->ended) {
		syscall(SYS_pidfd_send_signal, p->pidfd, SIGKILL, NULL, 0);
		(void)stray_drain(p);
		stray_flush(p);
		(void)reap(p);
		linux_pd_unwatch(p);
	}
	*link = p->next;
	(void)heap_free(core_heap(), p);
}

/*
 * Read, not remembered: the nice value is what the process got at its
 * creation, since the bind of its main thread (cpu_thread) cannot be
 * served before the entrypoint that is running this returns.
 */
void
platform_pd_describe(unsigned id, char *text, size_t size)
{
	const struct linux_pd *p = pd_of(id);
	if (!p) {
		format_string(text, size, "no process");
		return;
	}
	errno = 0;
	int nice = getpriority(PRIO_PROCESS, (id_t)p->pid);
	if (nice == -1 && errno)
		format_string(text, size, "process %d", (int)p->pid);
	else
		format_string(text, size, "process %d at nice %d", (int)p->pid, nice);
}

void
platform_pd_memory_limit(unsigned id, uint64_t quota)
{
	struct linux_pd *p = pd_of(id);
	if (p && !p->ended)
		linux_memcg_quota(&p->memcg, quota, p->label);
}

bool
platform_pd_memory(unsigned id, struct platform_pd_memory *m)
{
	const struct linux_pd *p = pd_of(id);
	return p && linux_memcg_figures(&p->memcg, m);
}
