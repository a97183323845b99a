/*
 * \brief  Unit test: the Linux IPC transport between forked processes
 *
 * A server process runs one entrypoint; this process is the client.
 * Besides correct calls, the tests play every kind of bad peer the
 * server must survive, and check afterwards that a regular client still
 * gets correct answers and that the server kept no descriptor.
 */

#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <base/entrypoint.h>
#include <rpc_test/client.h>

#include "../../harness/harness.h"
#include "async.h"
#include "raw.h"
#include "slot.h"
#include "test_server.h"

static struct test_server srv;

static bool
start(unsigned count)
{
	return CHECK(test_server_start(&srv, count));
}

static void
stop(void)
{
	CHECK(test_server_stop(&srv));
}

static int
fd_of(rpc_test_cap_t c)
{
	return (int)c.raw.sel;
}

static uint32_t
server_fds(void)
{
	uint32_t parked = 0, fds = 0;

	CHECK_EQ(rpc_test_probe(srv.objects[0], &parked, &fds), STATUS_OK);
	return fds;
}

/* the server answers correctly: the check after every abuse */
static void
still_serves(void)
{
	uint32_t sum = 0;

	CHECK_EQ(rpc_test_add(srv.objects[0], 40, 2, &sum), STATUS_OK);
	CHECK_EQ(sum, 42);
}

static void
basic_calls(void)
{
	char result[RPC_TEST_ECHO_RESULT_MAX + 1];
	uint32_t len = 0, id = 99;
	int64_t product = 0;
	bool negative = false;
	char long_text[RPC_TEST_ECHO_TEXT_MAX + 2];

	if (!start(3))
		return;
	CHECK_EQ(rpc_test_null(srv.objects[0]), STATUS_OK);
	still_serves();
	CHECK_EQ(rpc_test_id(srv.objects[2], &id), STATUS_OK);
	CHECK_EQ(id, 2);
	CHECK_EQ(rpc_test_echo(srv.objects[1], "hello", true, result, &len), STATUS_OK);
	CHECK_STR(result, "HELLO");
	CHECK_EQ(len, 5);
	CHECK_EQ(rpc_test_echo(srv.objects[1], "", false, result, &len), STATUS_OK);
	CHECK_STR(result, "");
	CHECK_EQ(rpc_test_scale(srv.objects[0], -3, 1000, 1ull << 40, &product, &negative),
	         STATUS_OK);
	CHECK_EQ(product, -3000LL * (1LL << 40));
	CHECK(negative);
	/* refused before sending: nothing is truncated silently */
	memset(long_text, 'x', sizeof(long_text) - 1);
	long_text[sizeof(long_text) - 1] = 0;
	CHECK_EQ(rpc_test_echo(srv.objects[1], long_text, false, result, &len),
	         STATUS_INVALID_ARGS);
	stop();
}

static void
ranges_checked_by_server(void)
{
	int64_t product = 7;
	bool negative = false;

	if (!start(1))
		return;
	CHECK_EQ(rpc_test_scale(srv.objects[0], 11, 1, 1, &product, &negative),
	         STATUS_INVALID_ARGS);
	CHECK_EQ(rpc_test_scale(srv.objects[0], -11, 1, 1, &product, &negative),
	         STATUS_INVALID_ARGS);
	CHECK_EQ(rpc_test_scale(srv.objects[0], 0, 0, 1, &product, &negative), STATUS_INVALID_ARGS);
	CHECK_EQ(rpc_test_scale(srv.objects[0], 0, 1001, 1, &product, &negative),
	         STATUS_INVALID_ARGS);
	CHECK_EQ(product, 7); /* out-parameters untouched on error */
	CHECK_EQ(rpc_test_sleep(srv.objects[0], 2001), STATUS_INVALID_ARGS);
	CHECK_EQ(rpc_test_scale(srv.objects[0], 10, 1000, 2, &product, &negative), STATUS_OK);
	CHECK_EQ(product, 20000);
	stop();
}

static void
many_objects(void)
{
	enum { N = 100 };

	if (!start(N))
		return;
	/* twice round: more objects than a thread caches channels for */
	for (unsigned round = 0; round < 2; round++) {
		for (unsigned i = 0; i < N; i++) {
			uint32_t id = ~0u;
			CHECK_EQ(rpc_test_id(srv.objects[i], &id), STATUS_OK);
			CHECK_EQ(id, i);
		}
	}
	stop();
}

static void
server_returns_caps(void)
{
	rpc_test_cap_t obj;
	cap_t thing;
	uint32_t id = 0;

	if (!start(8))
		return;
	CHECK_EQ(rpc_test_object(srv.objects[0], 7, &obj), STATUS_OK);
	CHECK(fd_of(obj) != fd_of(srv.objects[7])); /* a copy under a new number */
	CHECK_EQ(rpc_test_id(obj, &id), STATUS_OK);
	CHECK_EQ(id, 7);
	cap_close(obj.raw);
	CHECK_EQ(rpc_test_object(srv.objects[0], 8, &obj), STATUS_NOT_FOUND);
	CHECK_EQ(rpc_test_fetch(srv.objects[0], &thing), STATUS_NOT_FOUND);
	stop();
}

static void
client_sends_caps(void)
{
	int p[2];
	cap_t back;
	rpc_test_cap_t obj;
	uint32_t id = 0;
	char c = 0;

	if (!start(6) || !CHECK(pipe(p) == 0))
		return;
	/* any descriptor travels: a pipe goes there and back */
	CHECK_EQ(rpc_test_stash(srv.objects[0], (cap_t){p[1]}), STATUS_OK);
	CHECK_EQ(rpc_test_fetch(srv.objects[0], &back), STATUS_OK);
	CHECK(back.sel != p[1]);
	CHECK(write((int)back.sel, "z", 1) == 1);
	CHECK(read(p[0], &c, 1) == 1 && c == 'z');
	cap_close(back);
	/* an object capability sent by the client is callable when it returns */
	CHECK_EQ(rpc_test_stash(srv.objects[0], srv.objects[5].raw), STATUS_OK);
	CHECK_EQ(rpc_test_fetch(srv.objects[1], &back), STATUS_OK);
	obj = CAP_TYPED(rpc_test_cap_t, back);
	CHECK_EQ(rpc_test_id(obj, &id), STATUS_OK);
	CHECK_EQ(id, 5);
	cap_close(back);
	close(p[0]);
	close(p[1]);
	stop();
}

static void
optional_caps(void)
{
	dataspace_cap_t ds;
	uint8_t mask = 0;

	if (!start(2))
		return;
	ds = CAP_TYPED(dataspace_cap_t, srv.objects[1].raw);
	CHECK_EQ(rpc_test_caps(srv.objects[0], CAP_TYPED_INVALID(rpc_test_cap_t), ds, &mask),
	         STATUS_OK);
	CHECK_EQ(mask, 2);
	CHECK_EQ(rpc_test_caps(srv.objects[0], srv.objects[1], ds, &mask), STATUS_OK);
	CHECK_EQ(mask, 3);
	/* a required capability missing is refused before sending */
	CHECK_EQ(rpc_test_caps(srv.objects[0], srv.objects[1], CAP_TYPED_INVALID(dataspace_cap_t),
	                       &mask),
	         STATUS_INVALID_ARGS);
	stop();
}

static void
invalid_caps(void)
{
	int p[2], s[2], closed;
	uint32_t sum;

	if (!start(1) || !CHECK(pipe(p) == 0) ||
	    !CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, s) == 0))
		return;
	closed = dup(p[0]);
	close(closed);
	CHECK_EQ(rpc_test_add(CAP_TYPED_INVALID(rpc_test_cap_t), 1, 2, &sum), STATUS_INVALID_CAP);
	CHECK_EQ(rpc_test_add(CAP_TYPED(rpc_test_cap_t, ((cap_t){closed})), 1, 2, &sum),
	         STATUS_INVALID_CAP);
	CHECK_EQ(rpc_test_add(CAP_TYPED(rpc_test_cap_t, ((cap_t){p[1]})), 1, 2, &sum),
	         STATUS_INVALID_CAP);
	CHECK_EQ(rpc_test_add(CAP_TYPED(rpc_test_cap_t, ((cap_t){s[0]})), 1, 2, &sum),
	         STATUS_INVALID_CAP);
	CHECK_EQ(rpc_test_add(CAP_TYPED(rpc_test_cap_t, ((cap_t){test_long_beyond_int()})), 1, 2,
	                      &sum),
	         STATUS_INVALID_CAP);
	/* a closed descriptor as argument is the caller's error */
	CHECK_EQ(rpc_test_stash(srv.objects[0], (cap_t){closed}), STATUS_INVALID_ARGS);
	still_serves();
	close(p[0]);
	close(p[1]);
	close(s[0]);
	close(s[1]);
	stop();
}

static void
dissolve(void)
{
	rpc_test_cap_t fresh;
	uint32_t id;

	if (!start(4))
		return;
	CHECK_EQ(rpc_test_id(srv.objects[2], &id), STATUS_OK); /* channel now cached */
	CHECK_EQ(cap_dup(srv.objects[2].raw, &fresh.raw), STATUS_OK);
	CHECK_EQ(rpc_test_dissolve(srv.objects[0], 2), STATUS_OK);
	CHECK_EQ(rpc_test_id(srv.objects[2], &id), STATUS_INVALID_CAP);
	CHECK_EQ(rpc_test_id(fresh, &id), STATUS_INVALID_CAP);
	cap_close(fresh.raw);
	/* an object dissolving itself still answers that call */
	CHECK_EQ(rpc_test_dissolve(srv.objects[3], 3), STATUS_OK);
	CHECK_EQ(rpc_test_null(srv.objects[3]), STATUS_INVALID_CAP);
	CHECK_EQ(rpc_test_id(srv.objects[1], &id), STATUS_OK);
	CHECK_EQ(id, 1);
	stop();
}

static void
wrong_opcode_and_interface(void)
{
	struct rpc_msg msg;

	if (!start(1))
		return;
	rpc_msg_start(&msg, RPC_KIND_CALL, RPC_TEST_RPC_ID, 999);
	CHECK_EQ(ipc_call(srv.objects[0].raw, &msg), STATUS_PROTOCOL);
	rpc_msg_start(&msg, RPC_KIND_CALL, RPC_TEST_RPC_ID ^ 1, RPC_TEST_OP_NULL);
	CHECK_EQ(ipc_call(srv.objects[0].raw, &msg), STATUS_PROTOCOL);
	/* a payload where none is expected */
	rpc_msg_start(&msg, RPC_KIND_CALL, RPC_TEST_RPC_ID, RPC_TEST_OP_NULL);
	rpc_put_bytes(&msg, "x", 1);
	CHECK_EQ(ipc_call(srv.objects[0].raw, &msg), STATUS_PROTOCOL);
	still_serves();
	stop();
}

/* one garbage packet on a raw channel, and the status it is answered with */
static int
garbage_status(int chan, const void *data, size_t len, const int *fds, unsigned nfds)
{
	if (!CHECK(raw_send(chan, data, len, fds, nfds)))
		return -2;
	return raw_reply_status(chan);
}

static struct rpc_msg
call_msg(uint16_t opcode)
{
	struct rpc_msg m;

	rpc_msg_start(&m, RPC_KIND_CALL, RPC_TEST_RPC_ID, opcode);
	return m;
}

static void
garbage_headers(int chan)
{
	struct rpc_msg m = call_msg(RPC_TEST_OP_NULL);
	static char big[RPC_MSG_MAX + 100];

	CHECK_EQ(garbage_status(chan, "junk!", 5, NULL, 0), STATUS_PROTOCOL);
	CHECK_EQ(garbage_status(chan, "", 0, NULL, 0), STATUS_PROTOCOL);
	m.hdr.version = 77;
	CHECK_EQ(garbage_status(chan, &m, RPC_HEADER_SIZE, NULL, 0), STATUS_PROTOCOL);
	m = call_msg(RPC_TEST_OP_NULL);
	m.hdr.kind = RPC_KIND_REPLY;
	CHECK_EQ(garbage_status(chan, &m, RPC_HEADER_SIZE, NULL, 0), STATUS_PROTOCOL);
	m = call_msg(RPC_TEST_OP_ADD);
	m.hdr.length = 100; /* truncated: says 100, carries 8 */
	CHECK_EQ(garbage_status(chan, &m, RPC_HEADER_SIZE + 8, NULL, 0), STATUS_PROTOCOL);
	m = call_msg(RPC_TEST_OP_ADD);
	m.hdr.length = 4; /* short payload */
	CHECK_EQ(garbage_status(chan, &m, RPC_HEADER_SIZE + 4, NULL, 0), STATUS_PROTOCOL);
	memcpy(big, &m, RPC_HEADER_SIZE);
	CHECK_EQ(garbage_status(chan, big, sizeof(big), NULL, 0), STATUS_PROTOCOL);
	m = call_msg(RPC_TEST_OP_STASH);
	m.hdr.cap_mask = 1; /* announced, not attached */
	CHECK_EQ(garbage_status(chan, &m, RPC_HEADER_SIZE, NULL, 0), STATUS_PROTOCOL);
}

/* echo calls whose string is broken in one way each */
static void
garbage_strings(int chan)
{
	struct rpc_msg m = call_msg(RPC_TEST_OP_ECHO);
	uint16_t count;

	rpc_put_bytes(&m, "\0", 1);         /* upper = false */
	count = RPC_TEST_ECHO_TEXT_MAX + 2; /* over the bound */
	rpc_put_bytes(&m, &count, 2);
	for (unsigned i = 0; i + 1 < count; i++)
		rpc_put_bytes(&m, "a", 1);
	rpc_put_bytes(&m, "\0", 1);
	CHECK_EQ(garbage_status(chan, &m, RPC_HEADER_SIZE + m.hdr.length, NULL, 0),
	         STATUS_PROTOCOL);
	m = call_msg(RPC_TEST_OP_ECHO);
	rpc_put_bytes(&m, "\0", 1);
	count = 3;
	rpc_put_bytes(&m, &count, 2);
	rpc_put_bytes(&m, "abc", 3); /* not terminated */
	CHECK_EQ(garbage_status(chan, &m, RPC_HEADER_SIZE + m.hdr.length, NULL, 0),
	         STATUS_PROTOCOL);
	m.hdr.length = 1 + 2;
	rpc_put_bytes(&m, "a\0\0", 3); /* terminated, but a NUL inside */
	CHECK_EQ(garbage_status(chan, &m, RPC_HEADER_SIZE + m.hdr.length, NULL, 0),
	         STATUS_PROTOCOL);
	m = call_msg(RPC_TEST_OP_ECHO);
	rpc_put_bytes(&m, "\x02", 1); /* a bool that is 2 */
	rpc_put_string(&m, "ok", 64);
	CHECK_EQ(garbage_status(chan, &m, RPC_HEADER_SIZE + m.hdr.length, NULL, 0),
	         STATUS_PROTOCOL);
}

/* descriptors the server did not ask for: all must be closed there */
static void
garbage_fds(int chan)
{
	struct rpc_msg m = call_msg(RPC_TEST_OP_NULL);
	int p[2], fds[10];

	if (!CHECK(pipe(p) == 0))
		return;
	for (unsigned i = 0; i < 10; i++)
		fds[i] = p[1];
	CHECK_EQ(garbage_status(chan, &m, RPC_HEADER_SIZE, fds, 1), STATUS_PROTOCOL);
	m.hdr.cap_mask = 0xf;
	CHECK_EQ(garbage_status(chan, &m, RPC_HEADER_SIZE, fds, 10), STATUS_PROTOCOL);
	m = call_msg(RPC_TEST_OP_STASH);
	m.hdr.cap_mask = 0x3; /* two caps for a method taking one */
	CHECK_EQ(garbage_status(chan, &m, RPC_HEADER_SIZE, fds, 2), STATUS_PROTOCOL);
	m = call_msg(RPC_TEST_OP_NULL);
	m.hdr.version = 9;
	m.hdr.cap_mask = 1;
	CHECK_EQ(garbage_status(chan, &m, RPC_HEADER_SIZE, fds, 1), STATUS_PROTOCOL);
	close(p[1]);
	CHECK(raw_pipe_hangs_up(p[0], 5000));
	close(p[0]);
}

static void
garbage_on_channel(void)
{
	uint32_t before;
	int chan;

	if (!start(2))
		return;
	before = server_fds();
	chan = raw_channel_open(fd_of(srv.objects[1]));
	if (!CHECK(chan >= 0))
		return;
	garbage_headers(chan);
	still_serves();
	garbage_strings(chan);
	garbage_fds(chan);
	still_serves();
	/* the abused channel itself still works for a proper call */
	struct rpc_msg m = call_msg(RPC_TEST_OP_NULL);
	CHECK_EQ(garbage_status(chan, &m, RPC_HEADER_SIZE, NULL, 0), STATUS_OK);
	close(chan);
	/* up to 10 s for the server to see the close: it needs a core for a
	 * moment, which a loaded machine or the i386 VM may delay by some
	 * 100 ms; a leaked descriptor stays however long we wait */
	for (int i = 0; i < 1000 && server_fds() != before; i++)
		usleep(10000);
	CHECK_EQ(server_fds(), before);
	stop();
}

static void
garbage_on_object_socket(void)
{
	struct rpc_msg m = call_msg(RPC_TEST_OP_NULL);
	int obj, p[2], s[2], fds[12];

	if (!start(2) || !CHECK(pipe(p) == 0) ||
	    !CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, s) == 0))
		return;
	obj = fd_of(srv.objects[1]);
	for (unsigned i = 0; i < 12; i++)
		fds[i] = p[1];
	CHECK(raw_send(obj, "xx", 2, NULL, 0));
	CHECK(raw_send(obj, "", 0, NULL, 0)); /* must not read as "all clients gone" */
	CHECK(raw_send(obj, &m, RPC_HEADER_SIZE, NULL, 0)); /* a call, not a connect */
	CHECK(raw_send(obj, &m, RPC_HEADER_SIZE, fds, 12));
	m.hdr.kind = RPC_KIND_CONNECT;
	m.hdr.cap_mask = 1;
	CHECK(raw_send(obj, &m, RPC_HEADER_SIZE, fds, 1));   /* connect with a pipe */
	CHECK(raw_send(obj, &m, RPC_HEADER_SIZE, &s[0], 1)); /* with a stream socket */
	m.hdr.cap_mask = 3;
	CHECK(raw_send(obj, &m, RPC_HEADER_SIZE, fds, 2));
	close(p[1]);
	close(s[0]);
	CHECK(raw_pipe_hangs_up(p[0], 5000));
	CHECK(raw_pipe_hangs_up(s[1], 5000));
	close(p[0]);
	close(s[1]);
	/* new clients can still connect through that object */
	uint32_t id = 0;
	rpc_test_cap_t copy;
	CHECK_EQ(cap_dup(srv.objects[1].raw, &copy.raw), STATUS_OK);
	CHECK_EQ(rpc_test_id(copy, &id), STATUS_OK);
	CHECK_EQ(id, 1);
	cap_close(copy.raw);
	still_serves();
	stop();
}

static void
client_gone_before_reply(void)
{
	pid_t pid;
	int status = -1;

	if (!start(1))
		return;
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		/* send a slow call and die before it is answered */
		int chan = raw_channel_open(fd_of(srv.objects[0]));
		struct rpc_msg m;
		rpc_test_sleep_encode_call(&m, 100);
		_exit(chan >= 0 && raw_send(chan, &m, RPC_HEADER_SIZE + m.hdr.length, NULL, 0) ? 0
		                                                                               : 1);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	still_serves();
	stop();
}

static void
client_never_reads(void)
{
	struct rpc_msg m = call_msg(RPC_TEST_OP_NULL);
	int chan;

	if (!start(1))
		return;
	chan = raw_channel_open(fd_of(srv.objects[0]));
	if (!CHECK(chan >= 0))
		return;
	/* far more replies than the channel can queue: the server drops them */
	for (unsigned i = 0; i < 2000; i++)
		CHECK(raw_send(chan, &m, RPC_HEADER_SIZE, NULL, 0));
	still_serves();
	close(chan);
	still_serves();
	stop();
}

struct turn {
	rpc_test_cap_t cap;
	uint32_t token, token_back, order;
	status_t st;
	pthread_t thread;
};

static void *
turn_thread(void *arg)
{
	struct turn *t = arg;

	t->st = rpc_test_wait_turn(t->cap, t->token, &t->token_back, &t->order);
	return NULL;
}

static void
wait_parked(uint32_t want)
{
	uint32_t parked = 0, fds;

	/* 5,000 probes 2 ms apart (10 s or more): the callers park as soon as
	 * they get a core, a caller that never parks is never seen */
	for (int i = 0; i < 5000 && parked != want; i++) {
		CHECK_EQ(rpc_test_probe(srv.objects[0], &parked, &fds), STATUS_OK);
		if (parked != want)
			usleep(2000);
	}
	CHECK_EQ(parked, want);
}

static void
out_of_order_replies(void)
{
	struct turn turns[3];
	uint32_t released = 0;

	if (!start(2))
		return;
	for (unsigned i = 0; i < 3; i++) {
		turns[i] = (struct turn){.cap = srv.objects[i % 2], .token = 100 + i};
		CHECK(pthread_create(&turns[i].thread, NULL, turn_thread, &turns[i]) == 0);
		wait_parked(i + 1);
	}
	still_serves(); /* served while three callers wait */
	CHECK_EQ(rpc_test_release(srv.objects[1], &released), STATUS_OK);
	CHECK_EQ(released, 3);
	for (unsigned i = 0; i < 3; i++) {
		pthread_join(turns[i].thread, NULL);
		CHECK_EQ(turns[i].st, STATUS_OK);
		CHECK_EQ(turns[i].token_back, 100 + i);
		CHECK_EQ(turns[i].order, 2 - i); /* the last parked was answered first */
	}
	stop();
}

static void *
caller_thread(void *arg)
{
	rpc_test_cap_t *cap = arg;
	uint32_t sum = 0;

	for (unsigned i = 0; i < 50; i++)
		if (rpc_test_add(*cap, i, 1, &sum) != STATUS_OK || sum != i + 1)
			return arg;
	return NULL;
}

static void
thread_channels_freed(void)
{
	pthread_t threads[4];
	uint32_t before;

	if (!start(2))
		return;
	before = server_fds();
	for (unsigned i = 0; i < 4; i++)
		CHECK(pthread_create(&threads[i], NULL, caller_thread, &srv.objects[i % 2]) == 0);
	for (unsigned i = 0; i < 4; i++) {
		void *ret = &ret;
		pthread_join(threads[i], &ret);
		CHECK(ret == NULL);
	}
	/* each thread had its own channel; they close when the threads end
	 * (up to 10 s, as above) */
	for (int i = 0; i < 1000 && server_fds() != before; i++)
		usleep(10000);
	CHECK_EQ(server_fds(), before);
	stop();
}

static void
forked_child_own_channel(void)
{
	pid_t pid;
	int status = -1;

	if (!start(1))
		return;
	still_serves(); /* the parent has a cached channel now */
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		uint32_t sum = 0;
		for (unsigned i = 0; i < 100; i++)
			if (rpc_test_add(srv.objects[0], i, i, &sum) != STATUS_OK || sum != 2 * i)
				_exit(1);
		_exit(0);
	}
	for (unsigned i = 0; i < 100; i++)
		still_serves();
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	stop();
}

/*
 * Get object index's capability under the number the_fd, which the caller
 * has just freed: every lower free number is filled first.
 */
static rpc_test_cap_t
object_at(unsigned index, int the_fd, bool close_raw)
{
	int fillers[64], n = 0, fd;
	rpc_test_cap_t c = CAP_TYPED_INVALID(rpc_test_cap_t);

	while (n < 64 && (fd = dup(0)) >= 0 && fd < the_fd)
		fillers[n++] = fd;
	if (fd >= 0 && fd != the_fd)
		close(fd);
	if (close_raw)
		close(the_fd);
	else
		cap_close((cap_t){the_fd});
	CHECK_EQ(rpc_test_object(srv.objects[0], index, &c), STATUS_OK);
	CHECK_EQ(fd_of(c), the_fd);
	while (n)
		close(fillers[--n]);
	return c;
}

static void
closed_cap_number_reused(void)
{
	rpc_test_cap_t a, b;
	uint32_t id = 0;

	if (!start(5))
		return;
	CHECK_EQ(rpc_test_object(srv.objects[0], 3, &a), STATUS_OK);
	CHECK_EQ(rpc_test_id(a, &id), STATUS_OK); /* caches a channel for a's number */
	CHECK_EQ(id, 3);
	b = object_at(4, fd_of(a), false);
	CHECK_EQ(rpc_test_id(b, &id), STATUS_OK);
	CHECK_EQ(id, 4);
	/* also when the number was closed behind the framework's back */
	a = object_at(2, fd_of(b), true);
	CHECK_EQ(rpc_test_id(a, &id), STATUS_OK);
	CHECK_EQ(id, 2);
	cap_close(a.raw);
	stop();
}

static void *
run_entrypoint(void *arg)
{
	static status_t result;

	result = entrypoint_run(arg);
	return &result;
}

/*
 * A stop from another thread wakes an entrypoint blocked with nothing to
 * do (the cancellable wait), and a stop before run is not lost.
 */
static void
stop_from_other_thread(void)
{
	struct entrypoint *ep;
	pthread_t t;
	void *ret = NULL;

	if (!CHECK_EQ(entrypoint_create(&ep), STATUS_OK))
		return;
	CHECK(pthread_create(&t, NULL, run_entrypoint, ep) == 0);
	usleep(100 * 1000); /* let it block in its wait */
	entrypoint_stop(ep);
	struct timespec deadline;
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += 5;
	if (!CHECK(pthread_timedjoin_np(t, &ret, &deadline) == 0)) {
		pthread_cancel(t); /* the test failed; do not hang the suite */
		pthread_join(t, NULL);
	} else {
		CHECK(ret && *(status_t *)ret == STATUS_OK);
	}

	entrypoint_stop(ep);
	CHECK_EQ(entrypoint_run(ep), STATUS_OK); /* returns at once */
	entrypoint_destroy(ep);
}

TEST_MAIN(TEST_CASE(stop_from_other_thread), TEST_CASE(basic_calls),
          TEST_CASE(ranges_checked_by_server), TEST_CASE(many_objects),
          TEST_CASE(server_returns_caps), TEST_CASE(client_sends_caps), TEST_CASE(optional_caps),
          TEST_CASE(invalid_caps), TEST_CASE(dissolve), TEST_CASE(wrong_opcode_and_interface),
          TEST_CASE(garbage_on_channel), TEST_CASE(garbage_on_object_socket),
          TEST_CASE(client_gone_before_reply), TEST_CASE(client_never_reads),
          TEST_CASE(out_of_order_replies), TEST_CASE(thread_channels_freed),
          TEST_CASE(forked_child_own_channel), TEST_CASE(closed_cap_number_reused),
          TEST_CASE(async_reply), TEST_CASE(async_stopped_then_killed), TEST_CASE(async_cancel),
          TEST_CASE(async_channel_reused), TEST_CASE(async_selector_reused),
          TEST_CASE(async_idle_server_gone), TEST_CASE(slot_calls_take_the_slot),
          TEST_CASE(slot_server_killed_during_call), TEST_CASE(slot_bell_serves_the_epoll),
          TEST_CASE(slot_hostile_client), TEST_CASE(slot_hostile_server),
          TEST_CASE(slot_caps_take_the_lane), TEST_CASE(slot_hostile_lane))
