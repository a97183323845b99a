/*
 * \brief  A forked server process serving rpc_test objects
 *
 * The server runs one entrypoint with all objects. Its capabilities go to
 * the test process over a bootstrap socketpair, four per packet.
 */

#define _DEFAULT_SOURCE
#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <base/entrypoint.h>
#include <rpc_test/server.h>

#include "raw.h"
#include "test_server.h"

enum { PARKED_MAX = 8 };

struct test_object {
	struct rpc_object rpc;
	uint32_t id;
	rpc_test_cap_t cap;
};

static struct {
	struct entrypoint *ep;
	struct test_object objects[TEST_OBJECTS_MAX];
	unsigned count;
	cap_t stash;
	struct rpc_reply_handle parked[PARKED_MAX];
	uint32_t parked_token[PARKED_MAX];
	unsigned parked_count;
} server;

static status_t
do_null(void *ctx, struct rpc_call *call)
{
	return STATUS_OK;
}

static status_t
do_add(void *ctx, struct rpc_call *call, uint32_t a, uint32_t b, uint32_t *sum)
{
	*sum = a + b;
	return STATUS_OK;
}

static status_t
do_id(void *ctx, struct rpc_call *call, uint32_t *id)
{
	*id = ((struct test_object *)ctx)->id;
	return STATUS_OK;
}

static status_t
do_echo(void *ctx, struct rpc_call *call, const char *text, bool upper, char *result,
        uint32_t *length)
{
	size_t i;

	for (i = 0; text[i]; i++)
		result[i] = upper ? (char)toupper((unsigned char)text[i]) : text[i];
	*length = (uint32_t)i;
	return STATUS_OK;
}

static status_t
do_scale(void *ctx, struct rpc_call *call, int32_t level, uint16_t weight, uint64_t base,
         int64_t *product, bool *negative)
{
	*product = (int64_t)level * weight * (int64_t)base;
	*negative = *product < 0;
	return STATUS_OK;
}

static status_t
do_stash(void *ctx, struct rpc_call *call, cap_t thing)
{
	cap_close(server.stash);
	server.stash = thing;
	return STATUS_OK;
}

static status_t
do_fetch(void *ctx, struct rpc_call *call, cap_t *thing)
{
	if (!cap_valid(server.stash))
		return STATUS_NOT_FOUND;
	*thing = server.stash;
	return STATUS_OK;
}

static status_t
do_object(void *ctx, struct rpc_call *call, uint32_t index, rpc_test_cap_t *obj)
{
	if (index >= server.count || !server.objects[index].rpc.ep)
		return STATUS_NOT_FOUND;
	*obj = server.objects[index].cap;
	return STATUS_OK;
}

static status_t
do_caps(void *ctx, struct rpc_call *call, rpc_test_cap_t first, dataspace_cap_t second,
        uint8_t *mask)
{
	*mask = (uint8_t)((cap_valid(first.raw) ? 1 : 0) | (cap_valid(second.raw) ? 2 : 0));
	cap_close(first.raw);
	cap_close(second.raw);
	return STATUS_OK;
}

static status_t
do_wait_turn(void *ctx, struct rpc_call *call, uint32_t token, uint32_t *token_back,
             uint32_t *order)
{
	unsigned i = server.parked_count;

	if (i == PARKED_MAX || rpc_reply_defer(call, &server.parked[i]) != STATUS_OK)
		return STATUS_UNAVAILABLE;
	server.parked_token[i] = token;
	server.parked_count++;
	return STATUS_OK;
}

static status_t
do_release(void *ctx, struct rpc_call *call, uint32_t *count)
{
	uint32_t order = 0;

	*count = server.parked_count;
	while (server.parked_count) {
		unsigned i = --server.parked_count;
		rpc_test_wait_turn_reply(&server.parked[i], STATUS_OK, server.parked_token[i],
		                         order++);
	}
	return STATUS_OK;
}

static status_t
do_probe(void *ctx, struct rpc_call *call, uint32_t *parked, uint32_t *fds)
{
	*parked = server.parked_count;
	*fds = raw_fd_count();
	return STATUS_OK;
}

static status_t
do_dissolve(void *ctx, struct rpc_call *call, uint32_t index)
{
	if (index >= server.count)
		return STATUS_NOT_FOUND;
	entrypoint_dissolve(server.ep, &server.objects[index].rpc);
	return STATUS_OK;
}

static status_t
do_sleep(void *ctx, struct rpc_call *call, uint32_t ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};

	nanosleep(&ts, NULL);
	return STATUS_OK;
}

static status_t
do_stop(void *ctx, struct rpc_call *call)
{
	entrypoint_stop(server.ep);
	return STATUS_OK;
}

static const struct rpc_test_ops ops = {
        .null = do_null,
        .add = do_add,
        .id = do_id,
        .echo = do_echo,
        .scale = do_scale,
        .stash = do_stash,
        .fetch = do_fetch,
        .object = do_object,
        .caps = do_caps,
        .wait_turn = do_wait_turn,
        .release = do_release,
        .probe = do_probe,
        .dissolve = do_dissolve,
        .sleep = do_sleep,
        .stop = do_stop,
};

/* create the objects and send their capabilities, four per packet */
static bool
server_setup(int boot, unsigned count)
{
	int fds[4];
	unsigned n = 0;

	if (entrypoint_create(&server.ep) != STATUS_OK)
		return false;
	server.count = count;
	server.stash = cap_invalid();
	for (unsigned i = 0; i < count; i++) {
		struct test_object *o = &server.objects[i];
		o->id = i;
		if (rpc_test_manage(server.ep, &o->rpc, &ops, o, &o->cap) != STATUS_OK)
			return false;
		fds[n++] = (int)o->cap.raw.sel;
		if (n == 4 || i + 1 == count) {
			if (!raw_send(boot, "c", 1, fds, n))
				return false;
			n = 0;
		}
	}
	return true;
}

static void
server_main(int boot, unsigned count)
{
	bool ok = server_setup(boot, count);

	close(boot);
	if (ok)
		ok = entrypoint_run(server.ep) == STATUS_OK;
	for (unsigned i = 0; i < server.count; i++)
		cap_close(server.objects[i].cap.raw);
	cap_close(server.stash);
	if (server.ep)
		entrypoint_destroy(server.ep);
	exit(ok ? 0 : 1);
}

static bool
receive_caps(struct test_server *srv, int boot, unsigned count)
{
	while (srv->count < count) {
		int fds[4];
		unsigned n = 4;
		char c = 0;

		if (raw_recv(boot, &c, 1, fds, &n) != 1 || n == 0 || n > count - srv->count)
			return false;
		for (unsigned i = 0; i < n; i++)
			srv->objects[srv->count++] = CAP_TYPED(rpc_test_cap_t, ((cap_t){fds[i]}));
	}
	return true;
}

bool
test_server_start(struct test_server *srv, unsigned count)
{
	return test_server_start_setup(srv, count, NULL);
}

bool
test_server_start_setup(struct test_server *srv, unsigned count, void (*setup)(void))
{
	int sv[2];

	memset(srv, 0, sizeof(*srv));
	if (count == 0 || count > TEST_OBJECTS_MAX ||
	    socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return false;
	fflush(NULL); /* the child must not flush the parent's buffered output again */
	srv->pid = fork();
	if (srv->pid == 0) {
		close(sv[0]);
		if (setup)
			setup();
		server_main(sv[1], count);
	}
	close(sv[1]);
	bool ok = srv->pid > 0 && receive_caps(srv, sv[0], count);
	close(sv[0]);
	return ok;
}

bool
test_server_stop(struct test_server *srv)
{
	int status = 0;
	bool stopped = false;

	/* any object still served can stop the entrypoint */
	for (unsigned i = 0; i < srv->count && !stopped; i++)
		stopped = rpc_test_stop(srv->objects[i]) == STATUS_OK;

	for (unsigned i = 0; i < srv->count; i++)
		cap_close(srv->objects[i].raw);
	if (!stopped)
		kill(srv->pid, SIGKILL);
	if (waitpid(srv->pid, &status, 0) != srv->pid)
		return false;
	return stopped && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}
