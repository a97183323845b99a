/*
 * \brief  bench-signal: the forked peers
 */

#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <base/entrypoint.h>
#include <base/signal_page_linux.h>

#include "../../tests/unit/ipc/raw.h"
#include "bench_signal.h"

/* block until fd is readable: in epfd (watching fd) if >= 0, else in the read */
static bool
take(int epfd, int fd, uint64_t *v)
{
	struct epoll_event ev;

	if (epfd >= 0 && epoll_wait(epfd, &ev, 1, -1) != 1)
		return false;
	return read(fd, v, sizeof(*v)) == sizeof(*v);
}

static int
epoll_on(int fd)
{
	struct epoll_event ev = {.events = EPOLLIN};
	int epfd = epoll_create1(EPOLL_CLOEXEC);

	if (epfd < 0 || epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) < 0)
		exit(2);
	return epfd;
}

bool
pingpong_start(struct pingpong *p, bool use_epoll)
{
	p->use_epoll = use_epoll;
	p->ping = eventfd(0, EFD_CLOEXEC);
	p->pong = eventfd(0, EFD_CLOEXEC);
	if (p->ping < 0 || p->pong < 0)
		return false;
	p->epfd = use_epoll ? epoll_on(p->pong) : -1;
	fflush(NULL);
	p->pid = fork();
	if (p->pid == 0) {
		int epfd = use_epoll ? epoll_on(p->ping) : -1;
		uint64_t v;

		while (take(epfd, p->ping, &v))
			if (write(p->pong, &v, sizeof(v)) != sizeof(v))
				break;
		_exit(0);
	}
	return p->pid > 0;
}

bool
pingpong_round_trip(void *arg)
{
	struct pingpong *p = arg;
	uint64_t v = 1;

	return write(p->ping, &v, sizeof(v)) == sizeof(v) && take(p->epfd, p->pong, &v) && v == 1;
}

void
pingpong_stop(struct pingpong *p)
{
	kill(p->pid, SIGKILL);
	waitpid(p->pid, NULL, 0);
	close(p->ping);
	close(p->pong);
	if (p->epfd >= 0)
		close(p->epfd);
}

/* the child's pong capability, used by its handler */
static signal_context_cap_t child_pong;

static void
child_handle(void *arg, unsigned num)
{
	signal_submit(child_pong, num);
}

/* serve ping at an entrypoint until killed */
/*
 * A context's capability and its page go to the peer together: outside
 * the component world nobody else can tell it the page (signal_page_linux.h)
 */
static bool
context_send(int sock, const struct signal_context *ctx)
{
	int fds[2] = {(int)signal_context_cap(ctx).raw.sel, (int)signal_context_page(ctx).raw.sel};

	return raw_send(sock, "p", 1, fds, 2);
}

/* the peer's capability (OWNED), its page adopted */
static bool
context_recv(int sock, signal_context_cap_t *cap)
{
	unsigned nfds = 2;
	int fds[2] = {-1, -1};
	char c = 0;

	if (raw_recv(sock, &c, 1, fds, &nfds) != 1 || nfds != 2)
		return false;
	*cap = CAP_TYPED(signal_context_cap_t, ((cap_t){fds[0]}));
	bool ok = signal_page_adopt(*cap, CAP_TYPED(signal_page_cap_t, ((cap_t){fds[1]}))) ==
	          STATUS_OK;
	close(fds[1]);
	return ok;
}

static void
child_run(int sock)
{
	struct signal_context *ping;
	struct entrypoint *ep;

	if (entrypoint_create(&ep) != STATUS_OK ||
	    signal_handler_create(ep, child_handle, NULL, &ping) != STATUS_OK)
		_exit(1);
	if (!context_send(sock, ping) || !context_recv(sock, &child_pong))
		_exit(1);
	entrypoint_run(ep);
	_exit(0);
}

bool
sigpeer_start(struct sigpeer *p)
{
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return false;
	fflush(NULL);
	p->pid = fork();
	if (p->pid == 0) {
		close(sv[0]);
		child_run(sv[1]);
	}
	close(sv[1]);
	bool ok = p->pid > 0 && signal_receiver_create(&p->r) == STATUS_OK &&
	          signal_context_create(p->r, NULL, &p->pong) == STATUS_OK &&
	          context_recv(sv[0], &p->ping) && context_send(sv[0], p->pong);
	close(sv[0]);
	return ok;
}

bool
sigpeer_round_trip(void *arg)
{
	struct sigpeer *p = arg;
	struct signal s;

	return signal_submit(p->ping, 1) == STATUS_OK &&
	       signal_receiver_wait(p->r, &s) == STATUS_OK && s.num == 1;
}

void
sigpeer_stop(struct sigpeer *p)
{
	kill(p->pid, SIGKILL);
	waitpid(p->pid, NULL, 0);
	cap_close(p->ping.raw);
	signal_receiver_destroy(p->r);
}
