/*
 * \brief  test-lx-syscall: descriptors passed with the kernel's msghdr
 */

#define _GNU_SOURCE
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <base/internal/lx_socket.h>

#include "../../../tests/harness/harness.h"
#include "cases.h"

static bool
same_file(int a, int b)
{
	struct lx_file_id ia, ib;
	return lx_fstat_id(a, &ia) == 0 && lx_fstat_id(b, &ib) == 0 && ia.dev == ib.dev &&
	       ia.ino == ib.ino;
}

void
lx_fds_passed(void)
{
	int sv[2], fds[2], got[2] = {-1, -1};
	unsigned n = 0;
	char byte = 'x', in = 0;
	union {
		struct lx_cmsghdr align;
		char buf[LX_CMSG_SPACE(sizeof(fds)) + LX_CMSG_SPACE(sizeof(int))];
	} space;

	memset(&space, 0, sizeof(space));
	CHECK_EQ(lx_socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv), 0);
	fds[0] = sv[0];
	fds[1] = sv[1];

	struct lx_iovec iov = {&byte, 1};
	struct lx_msghdr mh = {.iov = &iov, .iovlen = 1, .control = space.buf};
	mh.controllen = LX_CMSG_SPACE(sizeof(fds));
	space.align.level = SOL_SOCKET;
	space.align.type = SCM_RIGHTS;
	space.align.len = LX_CMSG_LEN(sizeof(fds));
	memcpy(LX_CMSG_DATA(&space.align), fds, sizeof(fds));
	CHECK_EQ(lx_sendmsg(sv[0], &mh, MSG_NOSIGNAL), 1);

	memset(&space, 0, sizeof(space));
	iov = (struct lx_iovec){&in, 1};
	mh = (struct lx_msghdr){
	        .iov = &iov, .iovlen = 1, .control = space.buf, .controllen = sizeof(space.buf)};
	CHECK_EQ(lx_recvmsg(sv[1], &mh, MSG_CMSG_CLOEXEC), 1);
	CHECK_EQ(in, 'x');
	for (struct lx_cmsghdr *cm = lx_cmsg_first(&mh); cm; cm = lx_cmsg_next(&mh, cm)) {
		CHECK(cm->level == SOL_SOCKET && cm->type == SCM_RIGHTS);
		for (size_t i = 0; i + LX_CMSG_LEN(0) < cm->len && n < 2; i += sizeof(int))
			memcpy(&got[n++], LX_CMSG_DATA(cm) + i, sizeof(int));
	}
	CHECK_EQ(n, 2);
	CHECK(same_file(got[0], sv[0]) && same_file(got[1], sv[1]));

	/* a plain packet through the six-argument calls (sendto, recvfrom) */
	CHECK_EQ(lx_send(sv[0], "hello", 5, MSG_NOSIGNAL), 5);
	char buf[8] = {0};
	CHECK_EQ(lx_recv(sv[1], buf, sizeof(buf), 0), 5);
	CHECK_STR(buf, "hello");
	CHECK_EQ(lx_shutdown(sv[0], SHUT_RDWR), 0);
	CHECK_EQ(lx_recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT), 0);
	for (unsigned i = 0; i < n; i++)
		lx_close(got[i]);
	lx_close(sv[0]);
	lx_close(sv[1]);
}
