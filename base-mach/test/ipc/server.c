/*
 * \brief  The server thread: test_rpc objects on an entrypoint of its own
 *
 * thread_platform does not exist yet, so the thread is started raw
 * (thread_create, thread_set_state, thread_resume) on a static stack, and
 * this test gives it its own MIG reply port slot.
 */

#include <mach/i386/thread_status.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>
#include <test_rpc/server.h>

#include "test.h"

enum { SRV_STACK = 16384 };
static uint8_t srv_stack[SRV_STACK] __attribute__((aligned(16)));
static mach_port_t reply_main, reply_srv;

/* the MIG reply port of the calling thread: told apart by the stack */
mach_port_t *
mach_rt_reply_slot(void)
{
	uint8_t here;
	/* cppcheck-suppress comparePointers ; where this thread's stack lies is the question */
	bool srv = &here >= srv_stack && &here < srv_stack + SRV_STACK;
	return srv ? &reply_srv : &reply_main;
}

struct test_obj {
	struct rpc_object rpc;
	uint32_t id;
};

static struct test_obj objs[OBJECTS];
test_rpc_cap_t srv_cap[OBJECTS];
struct entrypoint *srv_ep;
volatile bool srv_deferred, srv_kept_same;
struct rpc_reply_handle srv_handle;
static test_rpc_cap_t kept;

static status_t
on_add(void *ctx, struct rpc_call *call, uint32_t a, uint32_t b, uint32_t *sum)
{
	struct rpc_reply_handle h;

	if (a == DEFER_MAGIC && rpc_reply_defer(call, &srv_handle) == STATUS_OK) {
		__atomic_store_n(&srv_deferred, true, __ATOMIC_RELEASE);
		return STATUS_OK;
	}
	if (a == DROP_MAGIC && rpc_reply_defer(call, &h) == STATUS_OK) {
		cap_close(h.channel); /* as if the server died with the call */
		return STATUS_OK;
	}
	*sum = a + b;
	return a == DENY_MAGIC ? STATUS_DENIED : STATUS_OK;
}

static status_t
on_id(void *ctx, struct rpc_call *call, uint32_t *id)
{
	*id = ((struct test_obj *)ctx)->id;
	return STATUS_OK;
}

static status_t
on_object(void *ctx, struct rpc_call *call, uint32_t index, test_rpc_cap_t *obj)
{
	if (index >= OBJECTS)
		return STATUS_INVALID_ARGS;
	*obj = srv_cap[index]; /* borrowed: the reply copies it */
	return STATUS_OK;
}

static status_t
on_keep(void *ctx, struct rpc_call *call, test_rpc_cap_t obj)
{
	cap_close(cap_raw(kept));
	kept = obj;
	srv_kept_same = cap_same(cap_raw(obj), cap_raw(srv_cap[1]));
	return STATUS_OK;
}

static status_t
on_kept(void *ctx, struct rpc_call *call, test_rpc_cap_t *obj)
{
	*obj = kept;
	return STATUS_OK;
}

static status_t
on_dissolve(void *ctx, struct rpc_call *call, uint32_t index)
{
	if (index >= OBJECTS)
		return STATUS_INVALID_ARGS;
	entrypoint_dissolve(srv_ep, &objs[index].rpc);
	return STATUS_OK;
}

static status_t
on_stop(void *ctx, struct rpc_call *call)
{
	entrypoint_stop(srv_ep);
	return STATUS_OK;
}

static const struct test_rpc_ops ops = {
        .add = on_add,
        .id = on_id,
        .object = on_object,
        .keep = on_keep,
        .kept = on_kept,
        .dissolve = on_dissolve,
        .stop = on_stop,
};

static void
server_main(void)
{
	entrypoint_run(srv_ep);
	say("test-mach_ipc: server thread stopped");
	(void)thread_suspend(mach_thread_self());
	for (;;)
		;
}

static void
server_objects(void)
{
	for (unsigned i = 0; i < OBJECTS; i++) {
		objs[i] = (struct test_obj){.rpc = {.ops = &ops, .ctx = &objs[i]}, .id = i};
		cap_t cap;
		check("manage an object",
		      entrypoint_manage(srv_ep, &objs[i].rpc, test_rpc_rpc_dispatch, &cap) ==
		              STATUS_OK);
		srv_cap[i] = CAP_TYPED(test_rpc_cap_t, cap);
	}
	kept = CAP_TYPED_INVALID(test_rpc_cap_t);
}

void
server_start(void)
{
	struct i386_thread_state st;
	mach_msg_type_number_t count = i386_THREAD_STATE_COUNT;
	thread_t thread;

	check("entrypoint_create", entrypoint_create(&srv_ep) == STATUS_OK);
	server_objects();
	(void)raw_garbage_port();
	check("thread_create", mach_thread_create(mach_task_self(), &thread) == KERN_SUCCESS);
	(void)thread_get_state(thread, i386_THREAD_STATE, (thread_state_t)&st, &count);
	st.eip = (unsigned)(uintptr_t)server_main;
	/* as after a call: a 16-aligned frame minus the return address */
	st.uesp = (unsigned)(uintptr_t)(srv_stack + SRV_STACK - 16 - 4);
	check("server thread started",
	      thread_set_state(thread, i386_THREAD_STATE, (thread_state_t)&st, count) ==
	                      KERN_SUCCESS &&
	              thread_resume(thread) == KERN_SUCCESS);
}
