/*
 * \brief  bench-rpc: a server that opens and closes sessions
 *
 * What opening a session costs the server beyond a call: a new object
 * on the entrypoint (a socketpair and an epoll registration on Linux), a
 * capability in the reply, and at close the dissolve. The root object
 * is session 0 and never closed.
 */

#define _DEFAULT_SOURCE
#include <sys/socket.h>
#include <unistd.h>

#include <base/entrypoint.h>
#include <bench_session/server.h>

#include "../../tests/unit/ipc/raw.h"
#include "bench.h"

enum { SESSIONS_MAX = 16 };

static struct {
	struct entrypoint *ep;
	struct rpc_object objects[SESSIONS_MAX];
	bench_session_cap_t caps[SESSIONS_MAX];
} srv;

static status_t do_open(void *ctx, struct rpc_call *call, bench_session_cap_t *session,
                        uint32_t *id);
static status_t do_close(void *ctx, struct rpc_call *call, uint32_t id);

static status_t
do_null(void *ctx, struct rpc_call *call)
{
	return STATUS_OK;
}

static const struct bench_session_ops ops = {.open = do_open, .close = do_close, .null = do_null};

static status_t
do_open(void *ctx, struct rpc_call *call, bench_session_cap_t *session, uint32_t *id)
{
	for (uint32_t i = 1; i < SESSIONS_MAX; i++) {
		if (srv.objects[i].ep)
			continue;
		status_t st = bench_session_manage(srv.ep, &srv.objects[i], &ops, 0, &srv.caps[i]);
		if (st != STATUS_OK)
			return st;
		*session = srv.caps[i]; /* borrowed: the reply carries a copy */
		*id = i;
		return STATUS_OK;
	}
	return STATUS_OUT_OF_MEMORY;
}

static status_t
do_close(void *ctx, struct rpc_call *call, uint32_t id)
{
	if (id == 0 || id >= SESSIONS_MAX || !srv.objects[id].ep)
		return STATUS_NOT_FOUND;
	entrypoint_dissolve(srv.ep, &srv.objects[id]);
	cap_close(cap_raw(srv.caps[id]));
	return STATUS_OK;
}

static void
serve(int boot)
{
	int fd;

	if (entrypoint_create(&srv.ep) != STATUS_OK ||
	    bench_session_manage(srv.ep, &srv.objects[0], &ops, 0, &srv.caps[0]) != STATUS_OK)
		_exit(2);
	fd = (int)cap_raw(srv.caps[0]).sel;
	if (!raw_send(boot, "r", 1, &fd, 1))
		_exit(2);
	close(boot);
	entrypoint_run(srv.ep);
	_exit(0); /* not exit(): the parent's stdio buffers are not ours to flush */
}

pid_t
session_server_start(bench_session_cap_t *root)
{
	int sv[2], fd = -1;
	unsigned n = 1;
	char c = 0;
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		close(sv[0]);
		serve(sv[1]);
	}
	close(sv[1]);
	if (pid < 0 || raw_recv(sv[0], &c, 1, &fd, &n) != 1 || n != 1)
		pid = -1;
	close(sv[0]);
	*root = CAP_TYPED(bench_session_cap_t, ((cap_t){fd}));
	return pid;
}
