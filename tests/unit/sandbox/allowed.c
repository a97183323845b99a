/*
 * \brief  Framework operations that must work inside the component policy
 *
 * Each body repeats, with the same calls, what a part of base-linux does:
 * the IPC transport, signal contexts, the thread-context area, time.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "../../harness/harness.h"
#include "cases.h"

/* send fd over chan as SCM_RIGHTS, like sock_msg_send does with caps */
static bool
send_fd(int chan, int fd)
{
	char byte = 'c';
	struct iovec io = {&byte, 1};
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(int))];
	} ctl;
	memset(&ctl, 0, sizeof(ctl));
	struct msghdr mh = {.msg_iov = &io,
	                    .msg_iovlen = 1,
	                    .msg_control = ctl.buf,
	                    .msg_controllen = sizeof(ctl.buf)};
	struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	return sendmsg(chan, &mh, MSG_NOSIGNAL) == 1;
}

static int
recv_fd(int chan)
{
	char byte;
	struct iovec io = {&byte, 1};
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(int))];
	} ctl;
	struct msghdr mh = {.msg_iov = &io,
	                    .msg_iovlen = 1,
	                    .msg_control = ctl.buf,
	                    .msg_controllen = sizeof(ctl.buf)};
	if (recvmsg(chan, &mh, MSG_CMSG_CLOEXEC) != 1)
		return -1;
	struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
	int fd = -1;
	if (c && c->cmsg_type == SCM_RIGHTS)
		memcpy(&fd, CMSG_DATA(c), sizeof(int));
	return fd;
}

static int
ipc_body(void)
{
	int chan[2], obj[2], type = 0;
	socklen_t len = sizeof(type);
	char buf[8];

	MUST(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, chan) == 0);
	MUST(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, obj) == 0);
	MUST(send_fd(chan[0], obj[0]));
	int cap = recv_fd(chan[1]);
	MUST(cap >= 0);
	MUST(send(cap, "call", 4, MSG_NOSIGNAL) == 4);
	MUST(recv(obj[1], buf, sizeof(buf), MSG_DONTWAIT) == 4);
	MUST(getsockopt(cap, SOL_SOCKET, SO_TYPE, &type, &len) == 0 && type == SOCK_SEQPACKET);
	int copy = fcntl(cap, F_DUPFD_CLOEXEC, 0);
	MUST(copy >= 0 && dup(copy) >= 0);
	MUST(shutdown(obj[1], SHUT_RD) == 0);
	MUST(close(copy) == 0 && close(cap) == 0);
	return 0;
}

void
allowed_ipc_with_caps(void)
{
	CHECK(child_exited_ok(child_run(SANDBOX_POLICY_COMPONENT, ipc_body)));
}

/* made outside, as core makes a component's contexts */
static int efd = -1;

static int
signal_body(void)
{
	uint64_t v = 3, got = 0;
	struct iovec io = {&got, sizeof(got)};
	struct epoll_event ev = {.events = EPOLLIN}, out;
	struct stat st;

	int ep = epoll_create1(EPOLL_CLOEXEC);
	MUST(efd >= 0 && ep >= 0);
	MUST(epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev) == 0);
	MUST(fstat(efd, &st) == 0);
	MUST(write(efd, &v, sizeof(v)) == sizeof(v));
	MUST(epoll_wait(ep, &out, 1, 1000) == 1);
	MUST(preadv2(efd, &io, 1, -1, RWF_NOWAIT) == sizeof(got) && got == 3);
	MUST(epoll_ctl(ep, EPOLL_CTL_DEL, efd, NULL) == 0);
	/* flags may gain O_NONBLOCK, never lose it: submits must not block */
	MUST(fcntl(efd, F_SETFL, O_NONBLOCK) == 0);
	MUST(fcntl(efd, F_SETFL, 0) == -1 && errno == EPERM);
	MUST(fcntl(efd, F_GETFL) & O_NONBLOCK);
	return 0;
}

void
allowed_signal_eventfd(void)
{
	efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	CHECK(efd >= 0);
	CHECK(child_exited_ok(child_run(SANDBOX_POLICY_COMPONENT, signal_body)));
	close(efd);
}

/* the thread-context area: reserve, commit, guard, release; and malloc */
static int
memory_body(void)
{
	size_t page = 4096, size = 64 * page;
	char *area =
	        mmap(NULL, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	MUST(area != MAP_FAILED);
	MUST(mprotect(area + page, 4 * page, PROT_READ | PROT_WRITE) == 0);
	area[page] = 1;
	MUST(mmap(area + page, page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) ==
	     area + page);
	MUST(madvise(area, size, MADV_DONTNEED) == 0);
	MUST(munmap(area, size) == 0);
	char *big = malloc(1 << 20); /* mmap'ed by malloc, grown by mremap */
	MUST(big != NULL);
	char *bigger = realloc(big, 4 << 20);
	if (!bigger)
		free(big);
	MUST(bigger != NULL);
	free(bigger);
	/* a read-only dataspace made from bytes (dataspace_backing_from_bytes) */
	int mfd = memfd_create("rom", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	MUST(mfd >= 0 && write(mfd, "x", 1) == 1);
	MUST(fcntl(mfd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_GROW | F_SEAL_SHRINK) == 0);
	MUST(close(mfd) == 0);
	return 0;
}

void
allowed_memory(void)
{
	CHECK(child_exited_ok(child_run(SANDBOX_POLICY_COMPONENT, memory_body)));
}

static int log_pipe[2];

static int
time_pipe_body(void)
{
	struct timespec t0, t1, nap = {0, 1000000};
	struct rlimit rl;

	MUST(clock_gettime(CLOCK_MONOTONIC, &t0) == 0);
	MUST(nanosleep(&nap, NULL) == 0);
	MUST(clock_nanosleep(CLOCK_MONOTONIC, 0, &nap, NULL) == 0);
	MUST(clock_gettime(CLOCK_MONOTONIC, &t1) == 0);
	MUST(t1.tv_sec > t0.tv_sec || t1.tv_nsec > t0.tv_nsec);
	/* entrypoint.c raises its descriptor limit */
	MUST(getrlimit(RLIMIT_NOFILE, &rl) == 0 && setrlimit(RLIMIT_NOFILE, &rl) == 0);
	MUST(write(log_pipe[1], "\tlog line\n", 10) == 10);
	return 0;
}

void
allowed_time_and_pipe(void)
{
	char buf[16] = "";

	if (!CHECK(pipe(log_pipe) == 0))
		return;
	CHECK(child_exited_ok(child_run(SANDBOX_POLICY_COMPONENT, time_pipe_body)));
	close(log_pipe[1]);
	CHECK(read(log_pipe[0], buf, sizeof(buf) - 1) == 10);
	CHECK_STR(buf, "\tlog line\n");
	close(log_pipe[0]);
}
