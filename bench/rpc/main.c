/*
 * \brief  RPC round trips beside the raw Linux mechanisms they build on
 *
 * One run measures every RPC figure next to its baseline, all with client
 * and server pinned to the same CPU (a cross-CPU wake-up on this VM costs
 * ~30x a call and would measure the hypervisor): the null call against a
 * SEQPACKET ping-pong (what the transport sends; target ratio <= 1.2), a
 * call with one capability argument against an SCM_RIGHTS ping-pong (through
 * the shared call slot and its lane, the default, and over the socket), the
 * null call against a futex ping-pong on shared memory (the floor of a
 * blocking call; long-term goal 1.3x) and an eventfd ping-pong, and a
 * session-like open and close of an object against the null call, and
 * the null call with client and server confined as core confines every
 * component (confined.c): under core's filter alone, and with the
 * second filter the framework adds (doc/sandbox.md); and the null call
 * through shared call slots (doc/rpc.md), plain and confined. Rounds
 * of all kinds alternate; the median round of each kind is reported.
 *
 *   bench-rpc [rounds] [round trips per round] [cpu]
 */

#define _DEFAULT_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <base/ipc_linux.h>

#include "../../tests/unit/ipc/test_server.h"
#include "bench.h"

enum { ROUNDS_MAX = 64, SESSION_DIVISOR = 10 };

enum kind_id {
	K_SEQPACKET,
	K_NULL,
	K_SCM,
	K_CAP_CALL,
	K_FUTEX,
	K_EVENTFD,
	K_SESSION,
	K_SESSION_CALL,
	K_NULL_FILTERED,
	K_NULL_CONFINED,
	K_SLOT,
	K_SLOT_CONFINED,
	K_CAP_SLOT,
	K_COUNT
};

struct kind {
	const char *name;
	round_trip_fn rt;
	void *ctx;
	long divisor; /* slow kinds run fewer round trips per round */
	double ns[ROUNDS_MAX];
	int filters; /* 0: unconfined; 1: core's filter; 2: and the component's own */
	bool slots;  /* calls through shared call slots (doc/rpc.md) */
};

struct rpc_ctx {
	rpc_test_cap_t obj;
	cap_t pass; /* sent with each capability call */
	bench_session_cap_t root;
};

static bool
null_call(void *ctx)
{
	return rpc_test_null(((struct rpc_ctx *)ctx)->obj) == STATUS_OK;
}

/* the server stashes the capability and closes the one stashed before */
static bool
cap_call(void *ctx)
{
	struct rpc_ctx *c = ctx;

	return rpc_test_stash(c->obj, c->pass) == STATUS_OK;
}

static bool
session_cycle(void *ctx, bool call)
{
	struct rpc_ctx *c = ctx;
	bench_session_cap_t s;
	uint32_t id;

	if (bench_session_open(c->root, &s, &id) != STATUS_OK)
		return false;
	bool ok = !call || bench_session_null(s) == STATUS_OK;
	ok = bench_session_close(c->root, id) == STATUS_OK && ok;
	cap_close(cap_raw(s));
	return ok;
}

static bool
session_create_close(void *ctx)
{
	return session_cycle(ctx, false);
}

static bool
session_create_call_close(void *ctx)
{
	return session_cycle(ctx, true);
}

struct servers {
	struct pingpong seqpacket, scm, futex, eventfd;
	struct test_server rpc, filtered, confined, slot;
	pid_t session_pid;
	struct rpc_ctx rpc_ctx, filtered_ctx, confined_ctx, slot_ctx;
	int pass_pipe[2];
};

static void
servers_start(struct servers *s)
{
	fflush(NULL); /* children must not flush the parent's buffers again */
	if (pipe(s->pass_pipe) < 0 || !seqpacket_start(&s->seqpacket) ||
	    !scm_start(&s->scm, s->pass_pipe[0]) || !futex_start(&s->futex) ||
	    !eventfd_start(&s->eventfd) || !test_server_start(&s->rpc, 1) ||
	    (s->session_pid = session_server_start(&s->rpc_ctx.root)) < 0 ||
	    !confined_server_start(&s->filtered, false) ||
	    !confined_server_start(&s->confined, true) || !test_server_start(&s->slot, 1)) {
		fprintf(stderr, "bench-rpc: cannot start the servers\n");
		exit(2);
	}
	s->rpc_ctx.obj = s->rpc.objects[0];
	s->rpc_ctx.pass = (cap_t){s->pass_pipe[0]};
	s->filtered_ctx.obj = s->filtered.objects[0];
	s->confined_ctx.obj = s->confined.objects[0];
	s->slot_ctx.obj = s->slot.objects[0];
	s->slot_ctx.pass = s->rpc_ctx.pass;
}

static void
kill_and_reap(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

static void
servers_stop(struct servers *s)
{
	test_server_stop(&s->rpc);
	test_server_stop(&s->filtered);
	test_server_stop(&s->confined);
	test_server_stop(&s->slot);
	cap_close(cap_raw(s->rpc_ctx.root));
	kill_and_reap(s->session_pid);
	kill_and_reap(s->seqpacket.pid);
	kill_and_reap(s->scm.pid);
	kill_and_reap(s->futex.pid);
	kill_and_reap(s->eventfd.pid);
}

static void
kinds_init(struct kind *k, struct servers *s)
{
	k[K_SEQPACKET] =
	        (struct kind){"seqpacket", seqpacket_round_trip, &s->seqpacket, 1, {0}, 0, false};
	k[K_NULL] = (struct kind){"null_call_socket", null_call, &s->rpc_ctx, 1, {0}, 0, false};
	k[K_SCM] = (struct kind){"scm_rights", scm_round_trip, &s->scm, 1, {0}, 0, false};
	k[K_CAP_CALL] = (struct kind){"cap_call_socket", cap_call, &s->rpc_ctx, 1, {0}, 0, false};
	k[K_FUTEX] = (struct kind){"futex_shm", futex_round_trip, &s->futex, 1, {0}, 0, false};
	k[K_EVENTFD] = (struct kind){"eventfd", eventfd_round_trip, &s->eventfd, 1, {0}, 0, false};
	k[K_SESSION] = (struct kind){"session_create_close",
	                             session_create_close,
	                             &s->rpc_ctx,
	                             SESSION_DIVISOR,
	                             {0},
	                             0,
	                             false};
	k[K_SESSION_CALL] = (struct kind){"session_create_call_close",
	                                  session_create_call_close,
	                                  &s->rpc_ctx,
	                                  SESSION_DIVISOR,
	                                  {0},
	                                  0,
	                                  false};
	k[K_NULL_FILTERED] = (struct kind){
	        "null_call_socket_core_filter", null_call, &s->filtered_ctx, 1, {0}, 1, false};
	k[K_NULL_CONFINED] = (struct kind){
	        "null_call_socket_both_filters", null_call, &s->confined_ctx, 1, {0}, 2, false};
	/*
	 * The default path, a shared call slot (doc/rpc.md); its own server:
	 * the process's channel to it is the one that gets a slot
	 */
	k[K_SLOT] = (struct kind){"null_call", null_call, &s->slot_ctx, 1, {0}, 0, true};
	/* each round's child opens its own channel, with a slot */
	k[K_SLOT_CONFINED] = (struct kind){
	        "null_call_both_filters", null_call, &s->confined_ctx, 1, {0}, 2, true};
	/* a capability argument by default: the call in the slot, the descriptor in the lane */
	k[K_CAP_SLOT] = (struct kind){"cap_call", cap_call, &s->slot_ctx, 1, {0}, 0, true};
}

static double
kind_measure(const struct kind *k, long n)
{
	bool was = ipc_linux_slots(k->slots);
	double ns = !k->filters ? measure(k->rt, k->ctx, n / k->divisor)
	                        : confined_measure(k->rt, k->ctx, n / k->divisor, k->filters == 2);
	ipc_linux_slots(was);
	return ns;
}

/* "a: 3.10 us  b: 2.80 us  ratio 1.11", medians over the rounds */
static void
print_pair(struct kind *k, enum kind_id a, enum kind_id b, long rounds, const char *note)
{
	double x = median(k[a].ns, rounds) / 1000, y = median(k[b].ns, rounds) / 1000;

	printf("%s: %.2f us  %s: %.2f us  ratio %.2f%s\n", k[a].name, x, k[b].name, y, x / y, note);
}

int
main(int argc, char **argv)
{
	long rounds = argc > 1 ? atol(argv[1]) : 5;
	long n = argc > 2 ? atol(argv[2]) : 50000;
	int cpu = argc > 3 ? atoi(argv[3]) : 0;
	static struct servers s;
	static struct kind k[K_COUNT];

	if (rounds < 1 || rounds > ROUNDS_MAX || n < 1000)
		return 1;
	bench_pin_cpu(cpu);
	servers_start(&s);
	kinds_init(k, &s);
	for (long r = 0; r < rounds; r++) {
		fprintf(stderr, "  round %ld:", r);
		for (unsigned i = 0; i < K_COUNT; i++) {
			k[i].ns[r] = kind_measure(&k[i], n);
			fprintf(stderr, " %s %.0f ns", k[i].name, k[i].ns[r]);
		}
		fprintf(stderr, "\n");
	}
	servers_stop(&s);
	fprintf(stderr, "  cpu %d, %ld rounds x %ld round trips (sessions: / %d)\n", cpu, rounds, n,
	        SESSION_DIVISOR);

	print_pair(k, K_NULL, K_SEQPACKET, rounds, "  (target <= 1.20)");
	print_pair(k, K_NULL_FILTERED, K_SEQPACKET, rounds, "  (target <= 1.20)");
	print_pair(k, K_NULL_CONFINED, K_SEQPACKET, rounds, "  (target <= 1.20)");
	print_pair(k, K_CAP_SLOT, K_SCM, rounds, "  (goal 1.05)");
	print_pair(k, K_CAP_CALL, K_SCM, rounds, "  (the socket path)");
	print_pair(k, K_NULL, K_FUTEX, rounds, "  (the socket path)");
	print_pair(k, K_SLOT, K_FUTEX, rounds, "  (the floor; goal 1.30)");
	print_pair(k, K_SLOT_CONFINED, K_FUTEX, rounds, "  (the floor; goal 1.30)");
	print_pair(k, K_SLOT, K_NULL, rounds, "");
	print_pair(k, K_NULL, K_EVENTFD, rounds, "");
	print_pair(k, K_SESSION, K_SLOT, rounds, "");
	print_pair(k, K_SESSION_CALL, K_SLOT, rounds, "");
	return 0;
}
