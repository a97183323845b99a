/*
 * \brief  test-ooo_reply: a server answers parked calls out of order
 *
 * Three client threads call wait; the server parks each call with
 * rpc_reply_defer and keeps serving: the main thread's calls are
 * answered while the three stay blocked. On release the server answers
 * the parked calls in reverse order of arrival. Every client must get
 * its own answer (its token back) with the expected answer position.
 */

#include <base/component.h>
#include <base/entrypoint.h>
#include <base/log.h>
#include <base/semaphore.h>
#include <base/thread.h>
#include <test_ooo_reply/client.h>
#include <test_ooo_reply/server.h>
#include <util/format.h>

enum {
	CLIENTS = 3,
	POLL_US = 1000,   /* pause between two looks at the parked count */
	POLL_MAX = 10000, /* give up after 10 s */
};

static struct {
	struct entrypoint *ep;
	struct rpc_object obj;
	struct rpc_reply_handle parked[CLIENTS];
	uint32_t token[CLIENTS];
	unsigned count;
} server;

struct client {
	test_ooo_reply_cap_t cap; /* BORROWED */
	struct thread *thread;
	char name[16];
	uint32_t token;
	int done; /* set atomically once the answer came */
	bool ok;
	uint32_t answered;
};

static unsigned failures;

static void
fail(const char *what, unsigned value)
{
	__atomic_fetch_add(&failures, 1, __ATOMIC_RELAXED);
	log_error("%s (%u)", what, value);
}

static status_t
do_wait(void *ctx, struct rpc_call *call, uint32_t token, uint32_t *token_back, uint32_t *arrived,
        uint32_t *answered)
{
	unsigned i = server.count;

	if (i == CLIENTS || rpc_reply_defer(call, &server.parked[i]) != STATUS_OK)
		return STATUS_UNAVAILABLE; /* answered right away, the client reports it */
	server.token[i] = token;
	server.count++;
	return STATUS_OK; /* ignored: the reply is sent by release */
}

static status_t
do_parked(void *ctx, struct rpc_call *call, uint32_t *count)
{
	*count = server.count;
	return STATUS_OK;
}

static status_t
do_release(void *ctx, struct rpc_call *call, uint32_t *count)
{
	uint32_t order = 0;

	*count = server.count;
	while (server.count) {
		unsigned i = --server.count;
		status_t st = test_ooo_reply_wait_reply(&server.parked[i], STATUS_OK,
		                                        server.token[i], i, order++);
		if (st != STATUS_OK)
			fail("deferred reply not sent", i);
	}
	return STATUS_OK;
}

static status_t
do_stop(void *ctx, struct rpc_call *call)
{
	entrypoint_stop(server.ep);
	return STATUS_OK;
}

static const struct test_ooo_reply_ops ops = {
        .wait = do_wait, .parked = do_parked, .release = do_release, .stop = do_stop};

static void
server_entry(void *arg)
{
	if (entrypoint_run(server.ep) != STATUS_OK)
		fail("entrypoint failed", 0);
}

static void
client_entry(void *arg)
{
	struct client *c = arg;
	uint32_t token_back = 0, arrived = 0, answered = 0;
	status_t st = test_ooo_reply_wait(c->cap, c->token, &token_back, &arrived, &answered);

	c->ok = st == STATUS_OK && token_back == c->token && arrived < CLIENTS &&
	        answered == CLIENTS - 1 - arrived;
	c->answered = answered;
	__atomic_store_n(&c->done, 1, __ATOMIC_RELEASE);
	if (!c->ok)
		log_error("%s: status %s, token %u (sent %u), arrived %u, answered %u", c->name,
		          status_name(st), token_back, c->token, arrived, answered);
}

/* sleep for a while: wait on a semaphore nobody ups */
static void
pause_us(uint64_t us)
{
	struct semaphore never;

	semaphore_init(&never, 0);
	(void)semaphore_down_timeout(&never, us);
}

/* the server keeps answering us while the clients' calls are parked */
static bool
wait_until_parked(test_ooo_reply_cap_t cap, const struct client *clients)
{
	uint32_t parked = 0;

	for (unsigned i = 0; i < POLL_MAX && parked < CLIENTS; i++) {
		if (test_ooo_reply_parked(cap, &parked) != STATUS_OK)
			return false;
		if (parked < CLIENTS)
			pause_us(POLL_US);
	}
	for (unsigned i = 0; i < CLIENTS; i++)
		if (__atomic_load_n(&clients[i].done, __ATOMIC_ACQUIRE))
			fail("client answered before release", i);
	return parked == CLIENTS;
}

static void
start_clients(struct client *clients, test_ooo_reply_cap_t cap)
{
	for (unsigned i = 0; i < CLIENTS; i++) {
		struct client *c = &clients[i];
		c->cap = cap;
		c->token = 100 + i;
		format_string(c->name, sizeof(c->name), "client-%u", i);
		if (thread_create(c->name, 0, client_entry, c, &c->thread) != STATUS_OK ||
		    thread_start(c->thread) != STATUS_OK)
			fail("cannot start client", i);
	}
}

/* release the parked calls and check that each answer position came once */
static void
release_and_check(test_ooo_reply_cap_t cap, struct client *clients)
{
	uint32_t count = 0, seen = 0;

	if (test_ooo_reply_release(cap, &count) != STATUS_OK || count != CLIENTS)
		fail("release failed", count);
	for (unsigned i = 0; i < CLIENTS; i++) {
		thread_join(clients[i].thread);
		if (!clients[i].ok)
			fail("client got a wrong answer", i);
		else
			seen |= 1u << clients[i].answered;
	}
	if (seen != (1u << CLIENTS) - 1)
		fail("answer positions not a permutation", seen);
}

static void
run(test_ooo_reply_cap_t cap)
{
	static struct client clients[CLIENTS];

	start_clients(clients, cap);
	if (wait_until_parked(cap, clients))
		log_print("%u calls parked, server still answering", (unsigned)CLIENTS);
	else
		fail("calls not parked in time", 0);
	release_and_check(cap, clients);
	if (test_ooo_reply_stop(cap) != STATUS_OK)
		fail("stop failed", 0);
}

void
component_construct(struct env *env)
{
	test_ooo_reply_cap_t cap;
	struct thread *ep_thread;

	log_print("--- out-of-order reply test started ---");
	if (entrypoint_create(&server.ep) != STATUS_OK ||
	    test_ooo_reply_manage(server.ep, &server.obj, &ops, 0, &cap) != STATUS_OK ||
	    thread_create("ep", 0, server_entry, 0, &ep_thread) != STATUS_OK ||
	    thread_start(ep_thread) != STATUS_OK) {
		log_error("cannot start the server");
		env_exit(env, -1);
	}
	run(cap);
	thread_join(ep_thread);
	cap_close(cap_raw(cap));
	entrypoint_destroy(server.ep);
	if (failures) {
		log_error("out-of-order reply test failed");
		env_exit(env, -1);
	}
	log_print("--- out-of-order reply test finished ---");
	env_exit(env, 0);
}
