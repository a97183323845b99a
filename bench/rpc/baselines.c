/*
 * \brief  bench-rpc: the raw Linux mechanisms an RPC is compared with
 *
 * Each server is a forked process that answers until it is killed. The
 * request and reply sizes are 8 bytes, the size of a small RPC payload
 * without the RPC header.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bench.h"

enum { PING_SIZE = 8 };

static bool
fork_server(struct pingpong *p, void (*serve)(struct pingpong *p))
{
	p->pid = fork();
	if (p->pid == 0) {
		serve(p);
		_exit(0);
	}
	return p->pid > 0;
}

static void
seqpacket_serve(struct pingpong *p)
{
	char buf[PING_SIZE];

	while (read(p->fd[1], buf, sizeof(buf)) == sizeof(buf))
		if (write(p->fd[1], buf, sizeof(buf)) != sizeof(buf))
			break;
}

bool
seqpacket_start(struct pingpong *p)
{
	memset(p, 0, sizeof(*p));
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, p->fd) < 0)
		return false;
	return fork_server(p, seqpacket_serve);
}

bool
seqpacket_round_trip(void *ctx)
{
	struct pingpong *p = ctx;
	char buf[PING_SIZE] = {1};

	return write(p->fd[0], buf, sizeof(buf)) == sizeof(buf) &&
	       read(p->fd[0], buf, sizeof(buf)) == sizeof(buf);
}

union fd_space {
	struct cmsghdr align;
	char buf[CMSG_SPACE(sizeof(int))];
};

/* receive a request and close the descriptor it carries, like a handler would */
static void
scm_serve(struct pingpong *p)
{
	char buf[PING_SIZE];
	union fd_space space;
	struct iovec iov = {buf, sizeof(buf)};
	struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1};

	for (;;) {
		mh.msg_control = space.buf;
		mh.msg_controllen = sizeof(space.buf);
		if (recvmsg(p->fd[1], &mh, MSG_CMSG_CLOEXEC) != sizeof(buf))
			return;
		struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
		if (cm && cm->cmsg_type == SCM_RIGHTS) {
			int fd;
			memcpy(&fd, CMSG_DATA(cm), sizeof(fd));
			close(fd);
		}
		if (write(p->fd[1], buf, sizeof(buf)) != sizeof(buf))
			return;
	}
}

bool
scm_start(struct pingpong *p, int pass_fd)
{
	memset(p, 0, sizeof(*p));
	p->pass_fd = pass_fd;
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, p->fd) < 0)
		return false;
	return fork_server(p, scm_serve);
}

bool
scm_round_trip(void *ctx)
{
	struct pingpong *p = ctx;
	char buf[PING_SIZE] = {1};
	union fd_space space;
	struct iovec iov = {buf, sizeof(buf)};
	struct msghdr mh = {.msg_iov = &iov,
	                    .msg_iovlen = 1,
	                    .msg_control = space.buf,
	                    .msg_controllen = sizeof(space.buf)};
	struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);

	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &p->pass_fd, sizeof(int));
	return sendmsg(p->fd[0], &mh, MSG_NOSIGNAL) == sizeof(buf) &&
	       read(p->fd[0], buf, sizeof(buf)) == sizeof(buf);
}

static void
futex_op(uint32_t *word, int op, uint32_t val)
{
	syscall(SYS_futex, word, op, val, NULL, NULL, 0);
}

/* sleep until *word differs from seen */
static void
futex_wait_change(uint32_t *word, uint32_t seen)
{
	while (__atomic_load_n(word, __ATOMIC_ACQUIRE) == seen)
		futex_op(word, FUTEX_WAIT, seen);
}

/* odd values are requests, the next even value is the reply */
static void
futex_serve(struct pingpong *p)
{
	for (uint32_t seq = 0;; seq += 2) {
		futex_wait_change(p->shm, seq);
		__atomic_store_n(p->shm, seq + 2, __ATOMIC_RELEASE);
		futex_op(p->shm, FUTEX_WAKE, 1);
	}
}

bool
futex_start(struct pingpong *p)
{
	memset(p, 0, sizeof(*p));
	p->shm = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p->shm == MAP_FAILED)
		return false;
	return fork_server(p, futex_serve);
}

bool
futex_round_trip(void *ctx)
{
	struct pingpong *p = ctx;

	__atomic_store_n(p->shm, p->seq + 1, __ATOMIC_RELEASE);
	futex_op(p->shm, FUTEX_WAKE, 1);
	futex_wait_change(p->shm, p->seq + 1);
	p->seq += 2;
	return true;
}

static void
eventfd_serve(struct pingpong *p)
{
	uint64_t v;

	while (read(p->fd[0], &v, sizeof(v)) == sizeof(v))
		if (write(p->fd[1], &v, sizeof(v)) != sizeof(v))
			return;
}

bool
eventfd_start(struct pingpong *p)
{
	memset(p, 0, sizeof(*p));
	p->fd[0] = eventfd(0, EFD_CLOEXEC);
	p->fd[1] = eventfd(0, EFD_CLOEXEC);
	if (p->fd[0] < 0 || p->fd[1] < 0)
		return false;
	return fork_server(p, eventfd_serve);
}

bool
eventfd_round_trip(void *ctx)
{
	struct pingpong *p = ctx;
	uint64_t v = 1;

	return write(p->fd[0], &v, sizeof(v)) == sizeof(v) &&
	       read(p->fd[1], &v, sizeof(v)) == sizeof(v);
}
