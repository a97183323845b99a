/*
 * \brief  The main loop that relays children's output and reports their end
 *
 * One poll set holds, per child, its two log pipes and its pidfd. When the
 * pidfd fires, the pipes are drained first so that a child's last words
 * always precede the report of its exit.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "process_linux.h"

enum { FDS_PER_CHILD = 3 };

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
		relay_drain(p, p->out_fd, &p->out, false);
	if (p->relay_fd >= 0)
		relay_drain(p, p->relay_fd, &p->relay, true);
	relay_flush(p);

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
	int fds[3] = {p->pidfd, p->out_fd, p->relay_fd};
	for (unsigned i = 0; i < 3; i++)
		if (fds[i] >= 0)
			close(fds[i]);
	p->used = false; /* the slot may be reused from within the callback */
	if (p->on_exit)
		p->on_exit(p->ctx, p, &e);
}

static void
handle(struct process *p, int which, short revents)
{
	if (which == 0) {
		if (revents)
			reap(p);
		return;
	}
	int *fd = which == 1 ? &p->out_fd : &p->relay_fd;
	if (revents && !relay_drain(p, *fd, which == 1 ? &p->out : &p->relay, which == 2)) {
		close(*fd);
		*fd = -1;
	}
}

static int
current_fd(const struct process *p, int which)
{
	return which == 0 ? p->pidfd : which == 1 ? p->out_fd : p->relay_fd;
}

static unsigned
collect(struct pollfd *fds, struct process **owner)
{
	unsigned n = 0;
	for (unsigned i = 0; i < PROCESS_MAX; i++) {
		struct process *p = &process_table[i];
		if (!p->used)
			continue;
		int each[FDS_PER_CHILD] = {p->pidfd, p->out_fd, p->relay_fd};
		for (unsigned k = 0; k < FDS_PER_CHILD; k++) {
			fds[n] = (struct pollfd){.fd = each[k], .events = POLLIN};
			owner[n++] = p;
		}
	}
	return n;
}

void
process_serve(bool (*done)(void *ctx), void *ctx)
{
	static struct pollfd fds[PROCESS_MAX * FDS_PER_CHILD];
	static struct process *owner[PROCESS_MAX * FDS_PER_CHILD];
	static unsigned gen[PROCESS_MAX * FDS_PER_CHILD];

	while (!done || !done(ctx)) {
		unsigned n = collect(fds, owner);
		for (unsigned i = 0; i < n; i++)
			gen[i] = owner[i]->generation;
		if (n == 0 && done)
			return; /* nothing left that could make done() true */
		if (poll(fds, n, n ? -1 : 1000) < 0 && errno != EINTR)
			return;
		/* pipes before pidfds, so output always precedes the exit report */
		for (int pass = 1; pass >= 0; pass--)
			for (unsigned i = 0; i < n; i++) {
				int which = (int)(i % FDS_PER_CHILD);
				/* a callback may have ended or reused the slot: skip stale entries
				 */
				bool current = owner[i]->used && owner[i]->generation == gen[i] &&
				               fds[i].fd >= 0 &&
				               fds[i].fd == current_fd(owner[i], which);
				if ((which == 0) == (pass == 0) && current)
					handle(owner[i], which, fds[i].revents);
			}
	}
}
