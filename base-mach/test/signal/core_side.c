/*
 * \brief  core's side of the test: its entrypoint on a second thread, and
 *         a control port that allocates and frees contexts there
 *
 * platform_tick_watch is how core names its entrypoint (core_mach_ep);
 * the test calls it like core's start does. The control port is a stand-in
 * for the SIGNAL session: a request (ALLOC, or FREE with the context) with
 * a send-once reply right, answered with a status and, for ALLOC, the
 * context's capability. The backing of the signal library calls it.
 */

#include <base/ep_mach.h>
#include <base/signal_backing.h>
#include <base/thread.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>

#include "../../../core/platform.h"
#include "../../../core/signal_context.h"
#include "test_signal.h"

enum { CTL_ALLOC = 0x5e1, CTL_FREE = 0x5e2, CTL_REPLY = 0x5e3 };

/* a request's context or a reply's capability: one port item */
struct ctl_msg {
	mach_msg_header_t head;
	mach_msg_type_t status_type;
	int32_t status;
	mach_msg_type_t port_type;
	mach_port_t port;
};

static struct entrypoint *core_ep;
static mach_port_t ctl_port, ctl_reply;
static const char owner[] = "test"; /* the records' owner, as a session would be */

static mach_msg_type_t
item(unsigned name)
{
	return (mach_msg_type_t){
	        .msgt_name = name & 0xff, .msgt_size = 32, .msgt_number = 1, .msgt_inline = 1};
}

/* on core's entrypoint, like the SIGNAL session's alloc_context and free_context */
static void
ctl_arrived(void *arg, mach_msg_header_t *h)
{
	struct ctl_msg *req = (struct ctl_msg *)h;
	struct ctl_msg rep = {
	        .head = {.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_MOVE_SEND_ONCE, 0) |
	                              MACH_MSGH_BITS_COMPLEX,
	                 .msgh_size = sizeof(rep),
	                 .msgh_remote_port = h->msgh_remote_port,
	                 .msgh_id = CTL_REPLY},
	        .status_type = item(MACH_MSG_TYPE_INTEGER_32),
	        .port_type = item(MACH_MSG_TYPE_COPY_SEND),
	        .port = MACH_PORT_NULL};
	struct signal_record *r = 0;

	(void)arg;
	if (h->msgh_id == CTL_ALLOC) {
		rep.status = signal_record_create(owner, &r);
		if (rep.status == STATUS_OK)
			rep.port = (mach_port_t)r->context.sel;
	} else if (h->msgh_id == CTL_FREE && h->msgh_size == sizeof(*req)) {
		r = signal_record_find((cap_t){(long)req->port});
		rep.status = r ? STATUS_OK : STATUS_INVALID_ARGS;
		if (r)
			signal_record_destroy(r);
		cap_close((cap_t){(long)req->port}); /* the request's copy */
	}
	(void)mach_msg(&rep.head, MACH_SEND_MSG, sizeof(rep), 0, MACH_PORT_NULL, 0, MACH_PORT_NULL);
}

/* one request from the main thread; the reply's port item is OWNED by the caller */
static status_t
ctl_call(unsigned id, mach_port_t port, mach_port_t *got)
{
	struct ctl_msg m = {.head = {.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND,
	                                                         MACH_MSG_TYPE_MAKE_SEND_ONCE) |
	                                          MACH_MSGH_BITS_COMPLEX,
	                             .msgh_size = sizeof(m),
	                             .msgh_remote_port = ctl_port,
	                             .msgh_local_port = ctl_reply,
	                             .msgh_id = (mach_msg_id_t)id},
	                    .status_type = item(MACH_MSG_TYPE_INTEGER_32),
	                    .port_type = item(MACH_MSG_TYPE_COPY_SEND),
	                    .port = port};

	if (mach_msg(&m.head, MACH_SEND_MSG | MACH_RCV_MSG, sizeof(m), sizeof(m), ctl_reply, 0,
	             MACH_PORT_NULL) != MACH_MSG_SUCCESS ||
	    m.head.msgh_id != CTL_REPLY)
		return STATUS_PROTOCOL;
	*got = m.port;
	return (status_t)m.status;
}

static status_t
ctl_alloc(void *arg, void *imprint, cap_t *ctx, cap_t *page)
{
	mach_port_t port;
	status_t st = ctl_call(CTL_ALLOC, MACH_PORT_NULL, &port);

	(void)arg;
	(void)imprint;
	*page = cap_invalid();
	if (st == STATUS_OK)
		*ctx = (cap_t){(long)port};
	return st;
}

static void
ctl_release(void *arg, cap_t ctx)
{
	mach_port_t none;

	(void)arg;
	(void)ctl_call(CTL_FREE, (mach_port_t)ctx.sel, &none);
	cap_close(ctx);
}

static status_t
ctl_page(void *arg, cap_t ctx, cap_t *page)
{
	(void)arg;
	(void)ctx;
	(void)page;
	return STATUS_UNAVAILABLE;
}

static const struct signal_backing ctl_backing = {ctl_alloc, ctl_release, ctl_page, 0};

static void
core_serve(void *arg)
{
	(void)arg;
	for (;;)
		(void)entrypoint_wait_and_dispatch_one(core_ep);
}

static void
tick_none(void)
{
}

bool
core_side_start(void)
{
	struct ep_port_watch *watch;
	struct thread *t;
	mach_port_t self = mach_task_self();

	if (entrypoint_create(&core_ep) != STATUS_OK ||
	    platform_tick_watch(core_ep, tick_none, 3600u * 1000u) != STATUS_OK ||
	    syscall_mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &ctl_port) != KERN_SUCCESS ||
	    mach_port_insert_right(self, ctl_port, ctl_port, MACH_MSG_TYPE_MAKE_SEND) !=
	            KERN_SUCCESS ||
	    syscall_mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &ctl_reply) != KERN_SUCCESS ||
	    entrypoint_port_watch(core_ep, ctl_port, ctl_arrived, 0, &watch) != STATUS_OK ||
	    thread_create("core-ep", 16384, core_serve, 0, &t) != STATUS_OK ||
	    thread_start(t) != STATUS_OK)
		return false;
	signal_backing_set(&ctl_backing);
	return true;
}

int
port_queued(mach_port_t port)
{
	mach_port_status_t st;

	if (mach_port_get_receive_status(mach_task_self(), port, &st) != KERN_SUCCESS)
		return -1;
	return (int)st.mps_msgcount;
}

void
settle(unsigned ms)
{
	mach_msg_header_t h;
	mach_port_t p;

	if (syscall_mach_port_allocate(mach_task_self(), MACH_PORT_RIGHT_RECEIVE, &p) !=
	    KERN_SUCCESS)
		return;
	(void)mach_msg(&h, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof(h), p, ms, MACH_PORT_NULL);
	(void)mach_port_destroy(mach_task_self(), p);
}
