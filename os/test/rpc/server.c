/*
 * \brief  test-rpc: the server, one entrypoint thread serving every object
 *
 * Objects are made and dissolved only before the entrypoint runs or by
 * its own handlers, so the object table needs no lock: handlers of one
 * entrypoint never run concurrently.
 */

#include <base/entrypoint.h>
#include <base/thread.h>
#include <test_rpc/server.h>

#include "test.h"

struct test_object {
	struct rpc_object rpc;
	uint32_t id;
	test_rpc_cap_t cap;  /* the server's own, copies go out in replies */
	test_rpc_cap_t kept; /* what a client passed with keep */
};

static struct {
	struct entrypoint *ep;
	struct thread *thread;
	status_t run_status;
	struct test_object objects[OBJECTS_MAX];
} server;

static struct test_object *
object_at(uint32_t index)
{
	if (index >= OBJECTS_MAX || !server.objects[index].rpc.ep)
		return 0;
	return &server.objects[index];
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
do_object(void *ctx, struct rpc_call *call, uint32_t index, test_rpc_cap_t *obj)
{
	struct test_object *o = object_at(index);

	if (!o)
		return STATUS_NOT_FOUND;
	*obj = o->cap; /* borrowed: the reply carries a copy */
	return STATUS_OK;
}

static status_t
do_keep(void *ctx, struct rpc_call *call, test_rpc_cap_t obj)
{
	struct test_object *o = ctx;

	cap_close(cap_raw(o->kept));
	o->kept = obj; /* the handler owns its capability arguments */
	return STATUS_OK;
}

static status_t
do_kept(void *ctx, struct rpc_call *call, test_rpc_cap_t *obj)
{
	struct test_object *o = ctx;

	if (!cap_valid(cap_raw(o->kept)))
		return STATUS_NOT_FOUND;
	*obj = o->kept;
	return STATUS_OK;
}

static status_t object_make(uint32_t index);

static status_t
do_create(void *ctx, struct rpc_call *call, test_rpc_cap_t *obj, uint32_t *id)
{
	for (uint32_t i = OBJECTS_START; i < OBJECTS_MAX; i++) {
		if (object_at(i))
			continue;
		status_t st = object_make(i);
		if (st != STATUS_OK)
			return st;
		*obj = server.objects[i].cap;
		*id = i;
		return STATUS_OK;
	}
	return STATUS_OUT_OF_MEMORY;
}

static status_t
do_dissolve(void *ctx, struct rpc_call *call, uint32_t index)
{
	struct test_object *o = object_at(index);

	if (!o)
		return STATUS_NOT_FOUND;
	entrypoint_dissolve(server.ep, &o->rpc);
	cap_close(cap_raw(o->cap));
	cap_close(cap_raw(o->kept));
	o->kept = CAP_TYPED_INVALID(test_rpc_cap_t);
	return STATUS_OK;
}

static status_t
do_stop(void *ctx, struct rpc_call *call)
{
	entrypoint_stop(server.ep);
	return STATUS_OK;
}

static const struct test_rpc_ops ops = {
        .add = do_add,
        .id = do_id,
        .object = do_object,
        .keep = do_keep,
        .kept = do_kept,
        .create = do_create,
        .dissolve = do_dissolve,
        .stop = do_stop,
};

static status_t
object_make(uint32_t index)
{
	struct test_object *o = &server.objects[index];

	o->id = index;
	o->kept = CAP_TYPED_INVALID(test_rpc_cap_t);
	return test_rpc_manage(server.ep, &o->rpc, &ops, o, &o->cap);
}

static void
server_entry(void *arg)
{
	server.run_status = entrypoint_run(server.ep);
}

static status_t
server_spawn(void)
{
	status_t st = thread_create("ep", 0, server_entry, 0, &server.thread);

	if (st == STATUS_OK && (st = thread_start(server.thread)) != STATUS_OK)
		thread_join(server.thread); /* frees the slot of a thread never started */
	return st;
}

/* close the server's capabilities and free the entrypoint with its objects */
static void
server_release(void)
{
	for (uint32_t i = 0; i < OBJECTS_MAX; i++) {
		if (!object_at(i))
			continue;
		cap_close(cap_raw(server.objects[i].cap));
		cap_close(cap_raw(server.objects[i].kept));
	}
	entrypoint_destroy(server.ep);
	server.ep = 0;
}

status_t
server_start(test_rpc_cap_t *root)
{
	status_t st = entrypoint_create(&server.ep);

	if (st != STATUS_OK)
		return st;
	for (uint32_t i = 0; st == STATUS_OK && i < OBJECTS_START; i++)
		st = object_make(i);
	*root = CAP_TYPED_INVALID(test_rpc_cap_t);
	if (st == STATUS_OK)
		st = cap_dup(cap_raw(server.objects[0].cap), &root->raw);
	if (st == STATUS_OK)
		st = server_spawn();
	if (st != STATUS_OK) {
		cap_close(cap_raw(*root));
		server_release();
	}
	return st;
}

/* read by client threads: objects below OBJECTS_START never change */
long
server_object_sel(uint32_t index)
{
	return index < OBJECTS_START ? cap_raw(server.objects[index].cap).sel : -1;
}

status_t
server_stop(test_rpc_cap_t root)
{
	status_t st = test_rpc_stop(root);

	if (st != STATUS_OK)
		return st;
	thread_join(server.thread);
	server_release();
	return server.run_status;
}
