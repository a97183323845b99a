/*
 * \brief  test-ipc: shared call slots, used well and abused from both sides
 *
 * The hostile peers write the slot page by hand: a client that offers
 * bad memory and puts garbage where a call belongs, and a server that
 * answers with garbage. The honest side must refuse each with the
 * transport's error, keep no descriptor, and keep serving (or calling).
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <base/ipc_linux.h>
#include <rpc_test/client.h>

#include "../../../base-linux/ipc/slot.h"
#include "../../harness/harness.h"
#include "raw.h"
#include "slot.h"
#include "test_server.h"

static int
fd_of(rpc_test_cap_t c)
{
	return (int)c.raw.sel;
}

void
slot_calls_take_the_slot(void)
{
	struct test_server srv;
	bool was = ipc_linux_slots(true);
	uint32_t sum = 0;

	if (!CHECK(test_server_start(&srv, 1)))
		goto out;
	uint64_t before = ipc_linux_slot_calls();
	/* a new channel is offered its slot only after RPC_SLOT_OFFER_AFTER calls */
	for (unsigned i = 0; i < RPC_SLOT_OFFER_AFTER; i++)
		CHECK_EQ(rpc_test_add(srv.objects[0], i, 1, &sum), STATUS_OK);
	CHECK_EQ(ipc_linux_slot_calls(), before);
	for (unsigned i = RPC_SLOT_OFFER_AFTER; i < 100; i++)
		CHECK_EQ(rpc_test_add(srv.objects[0], i, 1, &sum), STATUS_OK);
	CHECK_EQ(sum, 100);
	/* then the slot, once the server took it */
	CHECK(ipc_linux_slot_calls() - before >= 100 - RPC_SLOT_OFFER_AFTER - 5);
	/* a capability still travels, over the socket beside the slot */
	int p[2];
	CHECK(pipe(p) == 0);
	CHECK_EQ(rpc_test_stash(srv.objects[0], (cap_t){p[0]}), STATUS_OK);
	close(p[0]);
	close(p[1]);
	CHECK_EQ(rpc_test_add(srv.objects[0], 40, 2, &sum), STATUS_OK);
	CHECK_EQ(sum, 42);
	CHECK(test_server_stop(&srv));
out:
	ipc_linux_slots(was);
}

static void *
kill_later(void *arg)
{
	usleep(100 * 1000);
	kill(*(pid_t *)arg, SIGKILL);
	return NULL;
}

/* a futex does not see a dead peer: the periodic look at the channel must */
void
slot_server_killed_during_call(void)
{
	struct test_server srv;
	bool was = ipc_linux_slots(true);
	pthread_t t;

	if (!CHECK(test_server_start(&srv, 1)))
		goto out;
	for (unsigned i = 0; i < RPC_SLOT_OFFER_AFTER + 3; i++)
		CHECK_EQ(rpc_test_null(srv.objects[0]), STATUS_OK);
	uint64_t before = ipc_linux_slot_calls();
	pthread_create(&t, NULL, kill_later, &srv.pid);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK_EQ(rpc_test_sleep(srv.objects[0], 2000), STATUS_PEER_GONE);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	pthread_join(t, NULL);
	CHECK(ipc_linux_slot_calls() - before == 1); /* it was a slot call */
	CHECK((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000 < 1000);
	CHECK_EQ(rpc_test_null(srv.objects[0]), STATUS_INVALID_CAP);
	waitpid(srv.pid, NULL, 0);
	for (unsigned i = 0; i < srv.count; i++)
		cap_close(srv.objects[i].raw);
out:
	ipc_linux_slots(was);
}

struct other_call {
	rpc_test_cap_t obj;
	status_t status;
	_Atomic bool done;
};

static void *
other_call_run(void *arg)
{
	struct other_call *c = arg;

	c->status = rpc_test_null(c->obj); /* a new channel: its first call takes the socket */
	atomic_store(&c->done, true);
	return NULL;
}

/*
 * While the entrypoint waits on the slot of a caller that went quiet, a
 * call on another channel arrives on its socket, i.e. in its epoll: the
 * bell must wake it (doc/rpc.md). Without the bell the entrypoint would
 * sleep on the slot for ever; the call gets 5 s here, on a machine where
 * it takes microseconds, before the server is killed to end the test.
 */
void
slot_bell_serves_the_epoll(void)
{
	struct test_server srv;
	bool was = ipc_linux_slots(true);
	struct other_call c = {0};
	pthread_t t;

	if (!CHECK(test_server_start(&srv, 2)))
		goto out;
	uint64_t before = ipc_linux_slot_calls();
	for (unsigned i = 0; i < RPC_SLOT_OFFER_AFTER + 5; i++)
		CHECK_EQ(rpc_test_null(srv.objects[0]), STATUS_OK);
	CHECK(ipc_linux_slot_calls() - before >= 3); /* the server listens on this slot now */
	usleep(20 * 1000);                           /* and has gone to sleep there */
	c.obj = srv.objects[1];
	pthread_create(&t, NULL, other_call_run, &c);
	for (unsigned ms = 0; ms < 5000 && !atomic_load(&c.done); ms++)
		usleep(1000);
	if (!CHECK(atomic_load(&c.done)))
		kill(srv.pid, SIGKILL); /* ends the call with an error */
	pthread_join(t, NULL);
	CHECK_EQ(c.status, STATUS_OK);
	/* and the slot still works afterwards */
	CHECK_EQ(rpc_test_null(srv.objects[0]), STATUS_OK);
	CHECK(test_server_stop(&srv));
out:
	ipc_linux_slots(was);
}

/* ---- the hostile client ---- */

static int
slot_memfd(unsigned size, unsigned seals)
{
	int fd = memfd_create("hostile-slot", MFD_CLOEXEC | MFD_ALLOW_SEALING);

	if (fd < 0 || ftruncate(fd, size) < 0 || (seals && fcntl(fd, F_ADD_SEALS, seals) < 0))
		return -1;
	return fd;
}

static struct rpc_slot *
slot_map(int fd)
{
	void *p = mmap(NULL, RPC_SLOT_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	return p == MAP_FAILED ? NULL : p;
}

static bool
send_connect(int chan, int fd)
{
	struct rpc_header hdr = {.version = RPC_PROTOCOL_VERSION,
	                         .kind = RPC_KIND_CONNECT,
	                         .cap_mask = fd >= 0 ? 1 : 0};
	return raw_send(chan, &hdr, sizeof(hdr), &fd, fd >= 0 ? 1 : 0);
}

/* a regular call on the raw channel: once answered, every packet before it was handled */
static bool
channel_round_trip(int chan)
{
	struct rpc_msg m;
	rpc_test_null_encode_call(&m);
	return raw_send(chan, &m, RPC_HEADER_SIZE + m.hdr.length, NULL, 0) &&
	       raw_reply_status(chan) == STATUS_OK;
}

static void
futex_wait_while(uint32_t *word, uint32_t value, int ms)
{
	for (int i = 0; i < ms && __atomic_load_n(word, __ATOMIC_ACQUIRE) == value; i++) {
		struct timespec one = {0, 1000000};
		syscall(SYS_futex, word, FUTEX_WAIT, value, &one, NULL, 0);
	}
}

/* put len bytes of msg into the slot as a call, ring, and return the reply's status */
static int
hostile_call(int chan, struct rpc_slot *slot, const void *msg, uint32_t len, uint32_t length_word)
{
	memcpy(slot->msg, msg, len < RPC_MSG_MAX ? len : RPC_MSG_MAX);
	__atomic_store_n(&slot->length, length_word, __ATOMIC_RELAXED);
	__atomic_store_n(&slot->state, RPC_SLOT_CALL, __ATOMIC_SEQ_CST);
	if (!__atomic_load_n(&slot->listening, __ATOMIC_SEQ_CST) ||
	    syscall(SYS_futex, &slot->state, FUTEX_WAKE, 1, NULL, NULL, 0) < 1)
		send_connect(chan, -1);
	futex_wait_while(&slot->state, RPC_SLOT_CALL, 2000);
	if (__atomic_load_n(&slot->state, __ATOMIC_ACQUIRE) != RPC_SLOT_REPLY)
		return -1000;
	struct rpc_header h;
	memcpy(&h, slot->msg, sizeof(h));
	return h.kind == RPC_KIND_REPLY ? h.status : -1001;
}

/* offers the server must refuse: it keeps no mapping and no descriptor of them */
static void
bad_offers(int chan)
{
	int p[2];
	int small = slot_memfd(100, RPC_SLOT_SEALS);
	int unsealed = slot_memfd(RPC_SLOT_SIZE, 0);
	struct rpc_slot *page = slot_map(unsealed);

	CHECK(pipe(p) == 0 && small >= 0 && page);
	CHECK(send_connect(chan, p[0]));
	CHECK(send_connect(chan, small));
	CHECK(send_connect(chan, unsealed));
	CHECK(channel_round_trip(chan));
	CHECK_EQ(page->accepted, 0);
	close(p[0]);
	close(p[1]);
	close(small);
	close(unsealed);
	munmap(page, RPC_SLOT_SIZE);
}

static void
garbage_calls(int chan, struct rpc_slot *slot)
{
	struct rpc_msg m;
	uint8_t noise[RPC_MSG_MAX];
	const int protocol = STATUS_PROTOCOL;

	for (unsigned i = 0; i < sizeof(noise); i++)
		noise[i] = (uint8_t)(i * 151 + 7);
	rpc_test_null_encode_call(&m);
	CHECK_EQ(hostile_call(chan, slot, &m, 16, 0), protocol);           /* no length */
	CHECK_EQ(hostile_call(chan, slot, &m, 16, 5000), protocol);        /* beyond a page */
	CHECK_EQ(hostile_call(chan, slot, &m, 16, 0xffffffffu), protocol); /* negative */
	CHECK_EQ(hostile_call(chan, slot, noise, sizeof(noise), 1024), protocol);
	struct rpc_msg bad = m;
	bad.hdr.version = 9;
	CHECK_EQ(hostile_call(chan, slot, &bad, 16, 16), protocol);
	bad = m;
	bad.hdr.cap_mask = 1; /* claims a descriptor no slot can carry */
	CHECK_EQ(hostile_call(chan, slot, &bad, 16, 16), protocol);
	bad = m;
	bad.hdr.length = 100; /* more than came */
	CHECK_EQ(hostile_call(chan, slot, &bad, 16, 16), protocol);
	bad = m;
	bad.hdr.opcode = 999;
	CHECK_EQ(hostile_call(chan, slot, &bad, 16, 16), protocol);
	/* a state no client may write, while the server waits on the slot */
	__atomic_store_n(&slot->state, 77, __ATOMIC_SEQ_CST);
	syscall(SYS_futex, &slot->state, FUTEX_WAKE, 1, NULL, NULL, 0);
	/* and the slot still serves a proper call */
	CHECK_EQ(hostile_call(chan, slot, &m, 16, 16), STATUS_OK);
}

/* the server's stderr, read back: a refusal must be named */
static bool
log_names(int fd, const char *what)
{
	static char log[8192];
	static size_t have;
	long r;

	while ((r = read(fd, log + have, sizeof(log) - 1 - have)) > 0)
		have += (size_t)r;
	log[have] = 0;
	return strstr(log, what) != NULL;
}

void
slot_hostile_client(void)
{
	struct test_server srv;
	int err[2], saved = dup(2);

	/* the forked server's stderr is a pipe this test reads */
	if (!CHECK(pipe2(err, O_CLOEXEC | O_NONBLOCK) == 0))
		return;
	fflush(stderr);
	dup2(err[1], 2);
	bool started = test_server_start(&srv, 1);
	dup2(saved, 2);
	close(saved);
	close(err[1]);
	if (!CHECK(started))
		return;

	uint32_t parked, fds_before = 0, fds_after = 0;
	CHECK_EQ(rpc_test_probe(srv.objects[0], &parked, &fds_before), STATUS_OK);
	int chan = raw_channel_open(fd_of(srv.objects[0]));
	CHECK(chan >= 0 && channel_round_trip(chan));
	bad_offers(chan);
	CHECK(log_names(err[0], "refused an offer: not a memfd"));

	int fd = slot_memfd(RPC_SLOT_SIZE, RPC_SLOT_SEALS);
	struct rpc_slot *slot = slot_map(fd);
	CHECK(slot && send_connect(chan, fd));
	close(fd);
	CHECK(channel_round_trip(chan));
	if (CHECK_EQ(slot->accepted, RPC_SLOT_ACCEPTED))
		garbage_calls(chan, slot);
	CHECK(log_names(err[0], "refused a call of a length no message has"));

	uint32_t sum = 0;
	CHECK_EQ(rpc_test_add(srv.objects[0], 40, 2, &sum), STATUS_OK);
	CHECK_EQ(sum, 42);
	close(chan);
	munmap(slot, RPC_SLOT_SIZE);
	usleep(50 * 1000); /* let the server see the hang-up */
	CHECK_EQ(rpc_test_probe(srv.objects[0], &parked, &fds_after), STATUS_OK);
	CHECK_EQ(fds_after, fds_before);
	CHECK(test_server_stop(&srv));
	close(err[0]);
}

/* ---- the hostile server ---- */

enum { HOSTILE_SCENARIOS = 6 };

/* scenario k's answer to a call in the slot; the last one is a proper reply */
static void
hostile_answer(struct rpc_slot *slot, unsigned k)
{
	struct rpc_msg m;
	uint32_t state = RPC_SLOT_REPLY, len = RPC_HEADER_SIZE;

	memcpy(&m, slot->msg, RPC_HEADER_SIZE); /* the call's header, made a reply */
	m.hdr.kind = RPC_KIND_REPLY;
	m.hdr.length = 0;
	m.hdr.status = 0;
	if (k == 0)
		len = 5000;
	else if (k == 1)
		state = 9;
	else if (k == 2)
		m.hdr.cap_mask = 1;
	else if (k == 3)
		m.hdr.opcode++;
	else if (k == 4)
		m.hdr.length = 8;
	memcpy(slot->msg, &m, RPC_HEADER_SIZE);
	__atomic_store_n(&slot->length, len, __ATOMIC_RELAXED);
	__atomic_store_n(&slot->state, state, __ATOMIC_SEQ_CST);
	syscall(SYS_futex, &slot->state, FUTEX_WAKE, 1, NULL, NULL, 0);
}

/* one channel: calls over the socket are answered properly, the slot per scenario k */
static void
hostile_channel(int chan, unsigned k)
{
	struct rpc_slot *slot = NULL;
	struct rpc_msg m = {0}; /* cppcheck cannot see that raw_recv fills it */
	int fds[RPC_CAPS_MAX];
	unsigned n;
	long r;

	while (n = RPC_CAPS_MAX,
	       (r = raw_recv(chan, &m, RPC_MSG_MAX, fds, &n)) >= (long)RPC_HEADER_SIZE) {
		if (m.hdr.kind == RPC_KIND_CALL) {
			m.hdr.kind = RPC_KIND_REPLY;
			m.hdr.length = 0;
			raw_send(chan, &m, RPC_HEADER_SIZE, NULL, 0);
		} else if (m.hdr.kind == RPC_KIND_CONNECT && n == 1 && !slot) {
			slot = slot_map(fds[0]);
			if (slot)
				__atomic_store_n(&slot->accepted, RPC_SLOT_ACCEPTED,
				                 __ATOMIC_SEQ_CST);
		} else if (m.hdr.kind == RPC_KIND_CONNECT && slot &&
		           __atomic_load_n(&slot->state, __ATOMIC_ACQUIRE) == RPC_SLOT_CALL) {
			hostile_answer(slot, k);
		}
		for (unsigned i = 0; i < n; i++)
			close(fds[i]);
	}
	if (slot)
		munmap(slot, RPC_SLOT_SIZE);
	close(chan);
}

static void
hostile_server(int obj)
{
	for (unsigned k = 0;; k++) {
		int chan;
		unsigned n = 1;
		struct rpc_header h = {0}; /* cppcheck cannot see that raw_recv fills it */
		if (raw_recv(obj, &h, sizeof(h), &chan, &n) < 0 || n != 1)
			_exit(0);
		hostile_channel(chan, k);
	}
}

/* calls until one went through the slot; its status */
static status_t
call_until_slot(cap_t obj)
{
	status_t st = STATUS_UNAVAILABLE;

	for (unsigned i = 0; i < 50; i++) {
		uint64_t before = ipc_linux_slot_calls();
		st = rpc_test_null(CAP_TYPED(rpc_test_cap_t, obj));
		if (ipc_linux_slot_calls() != before)
			return st;
	}
	return STATUS_UNAVAILABLE;
}

void
slot_hostile_server(void)
{
	bool was = ipc_linux_slots(true);
	int sv[2];
	cap_t obj;

	if (!CHECK(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) == 0))
		goto out;
	CHECK_EQ(cap_dup((cap_t){sv[1]}, &obj), STATUS_OK);
	close(sv[1]);
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		close((int)obj.sel); /* or the object would never see its last client go */
		hostile_server(sv[0]);
	}
	close(sv[0]);
	unsigned fds = raw_fd_count();
	/* every garbage answer is refused, and the channel with it */
	for (unsigned k = 0; k + 1 < HOSTILE_SCENARIOS; k++)
		CHECK_EQ(call_until_slot(obj), STATUS_PROTOCOL);
	CHECK_EQ(call_until_slot(obj), STATUS_OK);
	cap_close(obj); /* and the channel cached for it */
	/* nothing leaked: refused channels closed, no descriptor came with a reply */
	CHECK_EQ(raw_fd_count(), fds - 1);
	CHECK(waitpid(pid, NULL, 0) == pid);
out:
	ipc_linux_slots(was);
}
