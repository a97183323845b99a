/*
 * \brief  Signal-context capabilities in other processes
 */

#define _GNU_SOURCE
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../harness/harness.h"
#include "../ipc/raw.h"
#include "../ipc/test_server.h"
#include "cases.h"

enum { CHILD_SUBMITS = 5000 };

/* the child: receive a capability, submit one signal at a time, exit */
static void
child_submits(int sock)
{
	int fd = -1;
	unsigned nfds = 1;
	char byte = 0;

	if (raw_recv(sock, &byte, 1, &fd, &nfds) != 1 || nfds != 1)
		_exit(1);
	signal_context_cap_t cap = CAP_TYPED(signal_context_cap_t, ((cap_t){fd}));
	for (unsigned i = 0; i < CHILD_SUBMITS; i++)
		if (signal_submit(cap, 1) != STATUS_OK)
			_exit(2);
	_exit(0);
}

/*
 * The capability goes to a forked process as SCM_RIGHTS, under another
 * number there; what it submits arrives here, summed up however the two
 * processes were scheduled.
 */
void
signal_other_process(void)
{
	struct signal_context *c;
	struct signal_receiver *r = test_receiver(&c, 1);
	unsigned sum = 0, deliveries = 0;
	int sv[2], status = -1;
	struct signal s;

	CHECK_EQ(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv), 0);
	pid_t pid = fork();
	if (pid == 0) {
		/* only the copy that comes over the socket may be used */
		close((int)signal_context_cap(c).raw.sel);
		close(sv[0]);
		child_submits(sv[1]);
	}
	close(sv[1]);
	int fd = (int)signal_context_cap(c).raw.sel;
	CHECK(raw_send(sv[0], "c", 1, &fd, 1));
	while (sum < CHILD_SUBMITS && test_wait(r, &s)) {
		sum += s.num;
		deliveries++;
	}
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK_EQ(sum, CHILD_SUBMITS);
	CHECK(deliveries >= 1 && deliveries <= CHILD_SUBMITS);
	CHECK(test_quiet(r, 10));
	close(sv[0]);
	signal_receiver_destroy(r);
}

/*
 * As an RPC argument: the capability travels to a server and back (a
 * copy under a new number each way) and still names the context. The
 * server keeps a copy when the context is dissolved; it stays harmless.
 */
void
signal_through_rpc(void)
{
	struct signal_context *c;
	struct signal_receiver *r = test_receiver(&c, 1);
	struct test_server srv;
	cap_t back = cap_invalid();
	struct signal s;

	if (!CHECK(test_server_start(&srv, 1)))
		return;
	CHECK_EQ(rpc_test_stash(srv.objects[0], cap_raw(signal_context_cap(c))), STATUS_OK);
	CHECK_EQ(rpc_test_fetch(srv.objects[0], &back), STATUS_OK);
	CHECK(back.sel != signal_context_cap(c).raw.sel);
	signal_context_cap_t cap = CAP_TYPED(signal_context_cap_t, back);
	CHECK_EQ(signal_submit(cap, 2), STATUS_OK);
	CHECK(test_wait(r, &s) && s.context == c && s.num == 2);
	signal_context_dissolve(c);
	CHECK_EQ(signal_submit(cap, 1), STATUS_OK);
	CHECK(test_quiet(r, 20));
	cap_close(back);
	CHECK(test_server_stop(&srv));
	signal_receiver_destroy(r);
}
