/*
 * \brief  The main loop: RPC, children's stray output, children's end
 *
 * One poll set holds the entrypoint's epoll descriptor and, per child,
 * its output pipe and its pidfd. All of it is served by the calling
 * thread, so RPC handlers and exit callbacks never run concurrently. When
 * a pidfd fires, the entrypoint and the pipe are served first, so that a
 * child's last calls (its last log lines, its parent exit) and its last
 * words always precede the report of its exit.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <base/entrypoint_linux.h>

#include "process_linux.h"

enum { FDS_PER_CHILD = 2, FDS_MAX = PROCESS_MAX * FDS_PER_CHILD + 1 };

static const char *
fault_reason(int sig)
{
	switch (sig) {
	case SIGSEGV:
		return "segmentation fault";
	case SIGBUS:
		return "bus error";
	case SIGILL:
		return "illegal instruction";
	case SIGFPE:
		return "arithmetic exception";
	case SIGABRT:
		return "aborted";
	case SIGKILL:
		return "killed";
	case SIGSYS:
		return "forbidden system call";
	default:
		return "terminated by a signal";
	}
}

static void
reap(struct process *p)
{
	if (p->out_fd >= 0)
		stray_drain(p);
	stray_flush(p);

	int status = 0;
	while (waitpid(p->pid, &status, 0) < 0 && errno == EINTR)
		;
	struct process_exit e = {0, false, ""};
	if (WIFEXITED(status)) {
		e.value = (int)(signed char)WEXITSTATUS(status);
	} else {
		e.faulted = true;
		e.value = -1;
		e.reason = fault_reason(WTERMSIG(status));
	}
	close(p->pidfd);
	if (p->out_fd >= 0)
		close(p->out_fd);
	p->used = false; /* the slot may be reused from within the callback */
	if (p->on_exit)
		p->on_exit(p->ctx, p, &e);
}

static void
handle(struct process *p, int which, short revents)
{
	if (!revents)
		return;
	if (which == 0) {
		reap(p);
		return;
	}
	if (!stray_drain(p)) {
		close(p->out_fd);
		p->out_fd = -1;
	}
}

static int
current_fd(const struct process *p, int which)
{
	return which == 0 ? p->pidfd : p->out_fd;
}

static unsigned
collect(struct pollfd *fds, struct process **owner, unsigned *gen)
{
	unsigned n = 0;
	for (unsigned i = 0; i < PROCESS_MAX; i++) {
		struct process *p = &process_table[i];
		if (!p->used)
			continue;
		for (int k = 0; k < FDS_PER_CHILD; k++) {
			fds[n] = (struct pollfd){.fd = current_fd(p, k), .events = POLLIN};
			gen[n] = p->generation;
			owner[n++] = p;
		}
	}
	return n;
}

/* a callback may have ended or reused a slot: skip stale entries */
static void
serve_children(struct pollfd *fds, struct process **owner, unsigned *gen, unsigned n, int pass)
{
	for (unsigned i = 0; i < n; i++) {
		int which = (int)(i % FDS_PER_CHILD);
		bool current = owner[i]->used && owner[i]->generation == gen[i] && fds[i].fd >= 0 &&
		               fds[i].fd == current_fd(owner[i], which);
		if ((which == 0) == (pass == 0) && current)
			handle(owner[i], which, fds[i].revents);
	}
}

void
process_serve(struct entrypoint *ep, bool (*done)(void *ctx), void *ctx)
{
	static struct pollfd fds[FDS_MAX];
	static struct process *owner[FDS_MAX];
	static unsigned gen[FDS_MAX];

	while (!done || !done(ctx)) {
		unsigned n = collect(fds, owner, gen);
		if (n == 0 && !ep && done)
			return; /* nothing left that could make done() true */
		fds[n] = (struct pollfd){.fd = ep ? entrypoint_linux_fd(ep) : -1, .events = POLLIN};
		if (poll(fds, n + 1, -1) < 0 && errno != EINTR)
			return;
		if (ep && fds[n].revents)
			entrypoint_linux_dispatch_ready(ep);
		/* RPC and pipes before pidfds, so output always precedes the exit report */
		serve_children(fds, owner, gen, n, 1);
		serve_children(fds, owner, gen, n, 0);
	}
}
