/*
 * \brief  What the transport never sends: garbage replies and garbage calls
 *
 * The message ids mirror base-mach/ipc/internal.h (private to the library).
 */

#include <base/ep_mach.h>
#include <mach/notify.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>
#include <test_rpc/client.h>
#include <util/string.h>

#include "test.h"

enum { ID_CALL = 0x47430001, ID_REPLY = 0x47430002 };

static mach_port_t garbage_port;
static unsigned garbage_sent;

/* on the server thread: answer each call on the garbage port with garbage */
static void
garbage_reply(void *arg, mach_msg_header_t *h)
{
	struct {
		mach_msg_header_t head;
		mach_msg_type_t t;
		uint32_t data[2];
	} m = {.head = {.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_MOVE_SEND_ONCE, 0),
	                .msgh_size = sizeof(m),
	                .msgh_remote_port = h->msgh_remote_port,
	                .msgh_id = garbage_sent ? 999 : ID_REPLY},
	       /* 8 bytes: shorter than an rpc header */
	       .t = {.msgt_name = MACH_MSG_TYPE_BYTE,
	             .msgt_size = 8,
	             .msgt_number = 8,
	             .msgt_inline = 1}};

	garbage_sent++;
	(void)mach_msg(&m.head, MACH_SEND_MSG | MACH_SEND_TIMEOUT, sizeof(m), 0, MACH_PORT_NULL, 0,
	               MACH_PORT_NULL);
}

mach_port_t
raw_garbage_port(void)
{
	struct ep_port_watch *w;
	mach_port_t task = mach_task_self();

	(void)syscall_mach_port_allocate(task, MACH_PORT_RIGHT_RECEIVE, &garbage_port);
	(void)syscall_mach_port_insert_right(task, garbage_port, garbage_port,
	                                     MACH_MSG_TYPE_MAKE_SEND);
	check("watch on the server's entrypoint",
	      entrypoint_port_watch(srv_ep, garbage_port, garbage_reply, NULL, &w) == STATUS_OK);
	return garbage_port;
}

struct raw_msg {
	mach_msg_header_t head;
	mach_msg_type_t t;
	uint8_t data[3000];
};

/* send a raw call of n data bytes to obj; the answer on a port of ours */
static mach_msg_header_t *
raw_call(test_rpc_cap_t obj, struct raw_msg *m, size_t n, mach_msg_type_name_t reply_type)
{
	mach_port_t reply = MACH_PORT_NULL;

	if (reply_type)
		(void)syscall_mach_port_allocate(mach_task_self(), MACH_PORT_RIGHT_RECEIVE, &reply);
	m->head = (mach_msg_header_t){
	        .msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, reply_type),
	        .msgh_size = (mach_msg_size_t)(sizeof(m->head) + sizeof(m->t) + ((n + 3) & ~3u)),
	        .msgh_remote_port = (mach_port_t)cap_raw(obj).sel,
	        .msgh_local_port = reply,
	        .msgh_id = ID_CALL};
	m->t = (mach_msg_type_t){.msgt_name = MACH_MSG_TYPE_INTEGER_32,
	                         .msgt_size = 32,
	                         .msgt_number = (unsigned)(n / 4),
	                         .msgt_inline = 1};
	mem_set(m->data, 0x5a, sizeof(m->data));
	mach_msg_option_t opt = MACH_SEND_MSG | (reply ? MACH_RCV_MSG | MACH_RCV_TIMEOUT : 0);
	mach_msg_return_t mr = mach_msg(&m->head, opt, m->head.msgh_size, sizeof(*m), reply, 20000,
	                                MACH_PORT_NULL);
	if (reply)
		(void)mach_port_destroy(mach_task_self(), reply);
	return mr == MACH_MSG_SUCCESS ? &m->head : NULL;
}

static mach_port_urefs_t
send_refs(mach_port_t port)
{
	mach_port_urefs_t refs = 0;
	(void)mach_port_get_refs(mach_task_self(), port, MACH_PORT_RIGHT_SEND, &refs);
	return refs;
}

/*
 * A malformed call carrying a send right: the entrypoint must release it.
 * Server and client share the task, so the right lands under our name:
 * its references are back where they were once the next call returned.
 */
static void
raw_right_released(test_rpc_cap_t obj)
{
	struct {
		mach_msg_header_t head;
		mach_msg_type_t t;
		mach_port_t port;
	} m = {.head = {.msgh_bits =
	                        MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, 0) | MACH_MSGH_BITS_COMPLEX,
	                .msgh_size = sizeof(m),
	                .msgh_remote_port = (mach_port_t)cap_raw(obj).sel,
	                .msgh_id = ID_CALL},
	       .t = {.msgt_name = MACH_MSG_TYPE_MAKE_SEND,
	             .msgt_size = 32,
	             .msgt_number = 1,
	             .msgt_inline = 1}};
	mach_port_t port;
	uint32_t id;

	(void)syscall_mach_port_allocate(mach_task_self(), MACH_PORT_RIGHT_RECEIVE, &port);
	(void)syscall_mach_port_insert_right(mach_task_self(), port, port, MACH_MSG_TYPE_MAKE_SEND);
	m.port = port;
	(void)mach_msg(&m.head, MACH_SEND_MSG, sizeof(m), 0, MACH_PORT_NULL, 0, MACH_PORT_NULL);
	check("a right in a malformed call is released",
	      test_rpc_id(obj, &id) == STATUS_OK && send_refs(port) == 1);
	(void)mach_port_destroy(mach_task_self(), port);
}

void
raw_checks(test_rpc_cap_t obj)
{
	test_rpc_cap_t g = CAP_TYPED(test_rpc_cap_t, ((cap_t){.sel = (long)garbage_port}));
	static struct raw_msg m;
	mach_msg_header_t *h;
	uint32_t sum;

	check("garbage reply: PROTOCOL", test_rpc_add(g, 1, 2, &sum) == STATUS_PROTOCOL);
	check("reply with a foreign id: PROTOCOL", test_rpc_add(g, 1, 2, &sum) == STATUS_PROTOCOL);
	h = raw_call(obj, &m, 16, MACH_MSG_TYPE_MAKE_SEND_ONCE);
	struct rpc_header *rh = (struct rpc_header *)(m.data);
	check("malformed call refused with PROTOCOL",
	      h && h->msgh_id == ID_REPLY && rh->status == STATUS_PROTOCOL);
	check("malformed call without a reply right sent", raw_call(obj, &m, 16, 0) != NULL);
	raw_right_released(obj);
	h = raw_call(obj, &m, sizeof(m.data), MACH_MSG_TYPE_MAKE_SEND_ONCE);
	check("message too large dropped: the caller hears of it",
	      h && h->msgh_id == MACH_NOTIFY_SEND_ONCE);
	check("and the entrypoint keeps serving",
	      test_rpc_add(obj, 1, 2, &sum) == STATUS_OK && sum == 3);
}
