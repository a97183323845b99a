/*
 * \brief  The kernel's side: a raw mach_msg ping-pong between two threads
 *
 * The least a synchronous call can cost on GNU Mach: messages of a bare
 * header, the client sending and receiving in one trap with a send-once
 * reply right (as ipc_call does), the server answering over that right.
 * Two server variants, chosen per message by its id: "combined" replies
 * and receives the next request in one trap (the minimum); "split" sends
 * the reply and then receives in two traps, as the framework's entrypoint
 * does (base-mach/ipc/ep_serve.c, reply.c).
 */

#include <base/thread.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>

#include "bench_mach.h"

enum { ID_COMBINED = 0x42450001, ID_SPLIT = 0x42450002, ID_STOP = 0x42450003 };

static struct thread *server;
static mach_port_t server_port;

static mach_msg_return_t
reply_and_receive(mach_msg_header_t *h, bool combined)
{
	mach_msg_option_t opt = MACH_SEND_MSG | (combined ? MACH_RCV_MSG : 0);
	mach_msg_return_t mr;

	h->msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_MOVE_SEND_ONCE, 0);
	h->msgh_local_port = MACH_PORT_NULL;
	h->msgh_size = sizeof(*h);
	mr = mach_msg(h, opt, sizeof(*h), sizeof(*h), server_port, MACH_MSG_TIMEOUT_NONE,
	              MACH_PORT_NULL);
	if (combined || mr != MACH_MSG_SUCCESS)
		return mr;
	return mach_msg(h, MACH_RCV_MSG, 0, sizeof(*h), server_port, MACH_MSG_TIMEOUT_NONE,
	                MACH_PORT_NULL);
}

static void
server_main(void *arg)
{
	mach_msg_header_t h;
	mach_msg_return_t mr;

	mr = mach_msg(&h, MACH_RCV_MSG, 0, sizeof(h), server_port, MACH_MSG_TIMEOUT_NONE,
	              MACH_PORT_NULL);
	while (mr == MACH_MSG_SUCCESS && h.msgh_id != ID_STOP)
		mr = reply_and_receive(&h, h.msgh_id == ID_COMBINED);
	if (mr == MACH_MSG_SUCCESS)
		(void)mach_msg(&h, MACH_SEND_MSG, sizeof(h), 0, MACH_PORT_NULL, 0, MACH_PORT_NULL);
}

/* *port: a send right to the server, BORROWED from this file */
bool
raw_server_start(mach_port_t *port)
{
	mach_port_t task = mach_task_self();

	if (syscall_mach_port_allocate(task, MACH_PORT_RIGHT_RECEIVE, &server_port) !=
	            KERN_SUCCESS ||
	    syscall_mach_port_insert_right(task, server_port, server_port,
	                                   MACH_MSG_TYPE_MAKE_SEND) != KERN_SUCCESS)
		return false;
	*port = server_port;
	return thread_create("raw server", 0, server_main, NULL, &server) == STATUS_OK &&
	       thread_start(server) == STATUS_OK;
}

static bool
raw_call(struct raw_client *c, mach_msg_id_t id)
{
	mach_msg_header_t h = {
	        .msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, MACH_MSG_TYPE_MAKE_SEND_ONCE),
	        .msgh_size = sizeof(h),
	        .msgh_remote_port = c->server,
	        .msgh_local_port = c->reply,
	        .msgh_id = id};

	return mach_msg(&h, MACH_SEND_MSG | MACH_RCV_MSG, sizeof(h), sizeof(h), c->reply,
	                MACH_MSG_TIMEOUT_NONE, MACH_PORT_NULL) == MACH_MSG_SUCCESS;
}

bool
raw_round_trip_combined(void *ctx)
{
	return raw_call(ctx, ID_COMBINED);
}

bool
raw_round_trip_split(void *ctx)
{
	return raw_call(ctx, ID_SPLIT);
}

bool
raw_server_stop(mach_port_t reply)
{
	struct raw_client c = {.server = server_port, .reply = reply};
	bool ok = raw_call(&c, ID_STOP) && thread_join(server) == STATUS_OK;

	(void)mach_port_destroy(mach_task_self(), server_port);
	return ok;
}
