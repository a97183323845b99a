/*
 * \brief  The raw messages between test-mach_core and its child tasks
 *
 * No RPC exists yet: a child sends HELLO to its bootstrap port (core's),
 * core answers TASK with a command, a size and a memory object; DONE
 * reports what the child saw, ACK lets it go on.
 */

#ifndef _BASE_MACH__TEST__CORE__PROTO_H_
#define _BASE_MACH__TEST__CORE__PROTO_H_

#include <stdbool.h>
#include <stdint.h>

#include <mach_rt.h>

enum { PROTO_HELLO = 1400, PROTO_TASK, PROTO_DONE, PROTO_ACK };

enum {
	CMD_SHARE = 1,     /* map RAM, write the child's half, check core's half */
	CMD_FAULT_ADDR,    /* touch 0xdead0000 */
	CMD_ROM_WRITE,     /* map ROM read-only, read, write */
	CMD_ROM_WRITE_RAW, /* map the ROM object's own port writable, read, write */
	CMD_ABORT,         /* mach_rt_abort: the BOUND trap */
	CMD_EXC_FORGE,     /* send core an exception naming a task of the child's making */
};

enum { PROTO_CHILD_MAGIC = 0xc0de0000u, PROTO_CORE_MAGIC = 0x5eed0000u };

struct proto_msg {
	mach_msg_header_t head;
	mach_msg_type_t port_type;
	mach_port_t port;
	mach_msg_type_t words_type;
	uint32_t word[4];
};

/*
 * send id with words and a port (disposition how; MACH_PORT_NULL: none)
 * to dest, a send right, or a send-once right if once (an answer)
 */
static inline mach_msg_return_t
proto_send_to(mach_port_t dest, bool once, mach_port_t reply, unsigned id, mach_port_t port,
              unsigned how, const uint32_t word[4])
{
	struct proto_msg m = {
	        .head = {.msgh_bits = MACH_MSGH_BITS(once ? MACH_MSG_TYPE_MOVE_SEND_ONCE
	                                                  : MACH_MSG_TYPE_COPY_SEND,
	                                             reply ? MACH_MSG_TYPE_MAKE_SEND_ONCE : 0) |
	                              MACH_MSGH_BITS_COMPLEX,
	                 .msgh_size = sizeof(m),
	                 .msgh_remote_port = dest,
	                 .msgh_local_port = reply,
	                 .msgh_id = id},
	        .port_type = {how ? how : MACH_MSG_TYPE_COPY_SEND, 32, 1, TRUE, FALSE, FALSE, 0},
	        .port = port,
	        .words_type = {MACH_MSG_TYPE_INTEGER_32, 32, 4, TRUE, FALSE, FALSE, 0},
	};
	for (int i = 0; i < 4; i++)
		m.word[i] = word[i];
	return mach_msg(&m.head, MACH_SEND_MSG, sizeof(m), 0, MACH_PORT_NULL, 0, MACH_PORT_NULL);
}

static inline mach_msg_return_t
proto_send(mach_port_t dest, mach_port_t reply, unsigned id, mach_port_t port, unsigned how,
           const uint32_t word[4])
{
	return proto_send_to(dest, false, reply, id, port, how, word);
}

/* the answer to a send with reply, on reply */
static inline mach_msg_return_t
proto_receive(mach_port_t on, struct proto_msg *m, mach_msg_timeout_t timeout_ms)
{
	return mach_msg(&m->head, MACH_RCV_MSG | (timeout_ms ? MACH_RCV_TIMEOUT : 0), 0, sizeof(*m),
	                on, timeout_ms, MACH_PORT_NULL);
}

#endif /* _BASE_MACH__TEST__CORE__PROTO_H_ */
