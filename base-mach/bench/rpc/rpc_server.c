/*
 * \brief  The framework's side: an rpc_test object served on a thread
 *
 * As a component serves its objects: an entrypoint on a thread of its
 * own, the generated dispatch, ipc_call's reply port per thread. Only
 * null (the bare round trip) and stop are answered.
 */

#include <base/entrypoint.h>
#include <base/thread.h>
#include <rpc_test/server.h>

#include "bench_mach.h"

static struct entrypoint *ep;
static struct rpc_object obj;
static struct thread *server;

static status_t
on_null(void *ctx, struct rpc_call *call)
{
	return STATUS_OK;
}

static status_t
on_stop(void *ctx, struct rpc_call *call)
{
	entrypoint_stop(ep);
	return STATUS_OK;
}

static const struct rpc_test_ops ops = {.null = on_null, .stop = on_stop};

static void
server_main(void *arg)
{
	(void)entrypoint_run(ep);
}

/* *cap: OWNED by the caller until rpc_server_stop */
bool
rpc_server_start(rpc_test_cap_t *cap)
{
	cap_t c;

	obj = (struct rpc_object){.ops = &ops};
	if (entrypoint_create(&ep) != STATUS_OK ||
	    entrypoint_manage(ep, &obj, rpc_test_rpc_dispatch, &c) != STATUS_OK)
		return false;
	*cap = CAP_TYPED(rpc_test_cap_t, c);
	return thread_create("rpc server", 0, server_main, NULL, &server) == STATUS_OK &&
	       thread_start(server) == STATUS_OK;
}

/* CONSUMES cap */
bool
rpc_server_stop(rpc_test_cap_t cap)
{
	bool ok = rpc_test_stop(cap) == STATUS_OK && thread_join(server) == STATUS_OK;

	cap_close(cap_raw(cap));
	entrypoint_destroy(ep);
	return ok;
}
