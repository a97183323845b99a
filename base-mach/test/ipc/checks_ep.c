/*
 * \brief  The main thread's entrypoint: async calls, deferred replies, watches
 */

#include <base/ep_mach.h>
#include <base/ipc_async.h>
#include <mach/i386/thread_status.h>
#include <mach_gen/mach.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>
#include <test_rpc/client.h>
#include <test_rpc/server.h>

#include "test.h"

static struct entrypoint *ep;
static unsigned async_calls;
static status_t async_status;
static uint32_t async_sum;
static mach_port_t async_thread;

static void
async_done(void *arg, status_t st, struct rpc_msg *reply)
{
	async_calls++;
	async_status = st;
	async_thread = mach_thread_self();
	if (st == STATUS_OK && test_rpc_add_decode_reply(reply, &async_sum) != STATUS_OK)
		async_status = STATUS_PROTOCOL;
}

static status_t
async_add(test_rpc_cap_t dst, uint32_t a, struct ipc_async *call)
{
	struct rpc_msg msg;

	(void)test_rpc_add_encode_call(&msg, a, 5);
	async_calls = 0;
	return ipc_call_async(ep, cap_raw(dst), &msg, async_done, NULL, call);
}

/* a call with a capability argument, the caller's own (BORROWED) */
static status_t
async_keep(test_rpc_cap_t dst, test_rpc_cap_t arg, struct ipc_async *call)
{
	struct rpc_msg msg;

	(void)test_rpc_keep_encode_call(&msg, arg);
	async_calls = 0;
	return ipc_call_async(ep, cap_raw(dst), &msg, async_done, NULL, call);
}

static mach_port_urefs_t
send_refs(cap_t c)
{
	mach_port_urefs_t refs = 0;
	(void)mach_port_get_refs(mach_task_self(), (mach_port_t)c.sel, MACH_PORT_RIGHT_SEND, &refs);
	return refs;
}

static void
checks_deferred(void)
{
	struct ipc_async call;

	check("async call sent", async_add(srv_cap[0], DEFER_MAGIC, &call) == STATUS_OK);
	while (!__atomic_load_n(&srv_deferred, __ATOMIC_ACQUIRE))
		(void)thread_switch(MACH_PORT_NULL, 0, 10);
	check("deferred reply answered from another thread",
	      test_rpc_add_reply(&srv_handle, STATUS_OK, 42) == STATUS_OK);
	check("dispatch", entrypoint_wait_and_dispatch_one(ep) == STATUS_OK);
	check("async reply delivered once on ep's thread",
	      async_calls == 1 && async_status == STATUS_OK && async_sum == 42 &&
	              async_thread == mach_thread_self() && !call.pending);
}

static struct rpc_object idle_obj[2];
static const struct test_rpc_ops no_ops;

/* an object of an entrypoint nobody serves: calls to it stay queued */
static test_rpc_cap_t
idle_object(struct entrypoint *idle, unsigned i)
{
	cap_t cap = cap_invalid();

	idle_obj[i] = (struct rpc_object){.ops = &no_ops};
	check("an object nobody serves",
	      entrypoint_manage(idle, &idle_obj[i], test_rpc_rpc_dispatch, &cap) == STATUS_OK);
	return CAP_TYPED(test_rpc_cap_t, cap);
}

static void
checks_full(struct entrypoint *idle)
{
	struct ipc_async many[MACH_PORT_QLIMIT_MAX + 1];
	test_rpc_cap_t q = idle_object(idle, 1);
	status_t st = STATUS_OK;
	unsigned sent = 0;

	while (sent <= MACH_PORT_QLIMIT_MAX && (st = async_add(q, 1, &many[sent])) == STATUS_OK)
		sent++;
	check("full queue: WOULD_BLOCK", st == STATUS_WOULD_BLOCK && sent == MACH_PORT_QLIMIT_MAX);
	for (unsigned i = 0; i < sent; i++)
		ipc_async_cancel(&many[i]);
	entrypoint_dissolve(idle, &idle_obj[1]);
	cap_close(cap_raw(q));
}

static void
checks_queued(void)
{
	struct entrypoint *idle;
	struct ipc_async call;

	check("an entrypoint nobody serves", entrypoint_create(&idle) == STATUS_OK);
	test_rpc_cap_t q = idle_object(idle, 0);
	mach_port_urefs_t refs = send_refs(cap_raw(srv_cap[0]));
	check("queued async call", async_keep(q, srv_cap[0], &call) == STATUS_OK);
	entrypoint_dissolve(idle, &idle_obj[0]);
	check("dispatch", entrypoint_wait_and_dispatch_one(ep) == STATUS_OK);
	check("object dissolved with the call queued: PEER_GONE",
	      async_calls == 1 && async_status == STATUS_PEER_GONE);
	check("the call's cap argument is still the caller's",
	      send_refs(cap_raw(srv_cap[0])) == refs);
	check("async call to a dissolved object: INVALID_CAP",
	      async_add(q, 1, &call) == STATUS_INVALID_CAP && async_calls == 0);
	cap_close(cap_raw(q));
	checks_full(idle);
	entrypoint_destroy(idle);
}

static unsigned watch_calls;
static mach_msg_id_t watch_id;
static mach_port_t watch_local;

static void
watch_fn(void *arg, mach_msg_header_t *h)
{
	watch_calls++;
	watch_id = h->msgh_id;
	watch_local = h->msgh_local_port;
	mach_msg_destroy(h);
}

static void
checks_watch(void)
{
	struct ep_port_watch *w;
	mach_port_t port;
	mach_msg_header_t h = {.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_MAKE_SEND, 0),
	                       .msgh_size = sizeof(h),
	                       .msgh_id = 4242};

	(void)syscall_mach_port_allocate(mach_task_self(), MACH_PORT_RIGHT_RECEIVE, &port);
	check("port watch", entrypoint_port_watch(ep, port, watch_fn, NULL, &w) == STATUS_OK);
	h.msgh_remote_port = port;
	(void)mach_msg(&h, MACH_SEND_MSG, sizeof(h), 0, MACH_PORT_NULL, 0, MACH_PORT_NULL);
	check("dispatch", entrypoint_wait_and_dispatch_one(ep) == STATUS_OK);
	check("watch fn called with the message on its port",
	      watch_calls == 1 && watch_id == 4242 && watch_local == port);
	check("cancelled async calls never called back", async_calls == 0);
	entrypoint_port_unwatch(w);
	(void)mach_port_destroy(mach_task_self(), port);
}

enum { FAULTER_STACK = 4096, EXC_RAISE_ID = 2400 };
static uint8_t faulter_stack[FAULTER_STACK] __attribute__((aligned(16)));
static thread_t faulter;

static _Noreturn void
faulter_main(void)
{
	/* first the entrypoint blocks in its receive: the kernel then hands over directly */
	for (volatile unsigned i = 0; i < 2000000; i++)
		;
	*(volatile uint32_t *)0xdead0000u = 1;
	for (;;)
		;
}

static void
exc_watch_fn(void *arg, mach_msg_header_t *h)
{
	/* the faulter waits for an answer: it ends before the message is destroyed */
	(void)thread_terminate(faulter);
	watch_fn(arg, h);
}

static kern_return_t
faulter_start(mach_port_t exc)
{
	struct i386_thread_state st;
	mach_msg_type_number_t count = i386_THREAD_STATE_COUNT;
	kern_return_t kr = mach_thread_create(mach_task_self(), &faulter);

	if (!kr)
		kr = thread_set_exception_port(faulter, exc);
	if (!kr)
		kr = thread_get_state(faulter, i386_THREAD_STATE, (thread_state_t)&st, &count);
	st.eip = (unsigned)(uintptr_t)faulter_main;
	st.uesp = (unsigned)(uintptr_t)(faulter_stack + FAULTER_STACK - 16 - 4);
	if (!kr)
		kr = thread_set_state(faulter, i386_THREAD_STATE, (thread_state_t)&st, count);
	return kr ? kr : thread_resume(faulter);
}

/*
 * GNU Mach's fast path for exceptions (kern/exception.c) gives a waiting
 * receiver the port's name instead of its protected payload: the watch
 * must still hear it (core's exception ports are watches).
 */
static void
checks_watch_exception(void)
{
	struct ep_port_watch *w;
	mach_port_t self = mach_task_self(), port;

	(void)syscall_mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &port);
	(void)syscall_mach_port_insert_right(self, port, port, MACH_MSG_TYPE_MAKE_SEND);
	check("exception port watch",
	      entrypoint_port_watch(ep, port, exc_watch_fn, NULL, &w) == STATUS_OK);
	watch_calls = 0;
	check("faulting thread started", faulter_start(port) == KERN_SUCCESS);
	check("dispatch", entrypoint_wait_and_dispatch_one(ep) == STATUS_OK);
	check("an exception the kernel hands over directly reaches its watch",
	      watch_calls == 1 && watch_id == EXC_RAISE_ID && watch_local == port);
	entrypoint_port_unwatch(w);
	(void)mach_port_destroy(self, port);
	(void)syscall_mach_port_deallocate(self, faulter);
}

void
checks_ep(void)
{
	check("entrypoint_create", entrypoint_create(&ep) == STATUS_OK);
	checks_deferred();
	checks_queued();
	checks_watch();
	checks_watch_exception();
}
