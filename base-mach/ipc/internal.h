/*
 * \brief  Private interfaces of the GNU Mach IPC transport
 *
 * Model (doc/platform-mach.md, "RPC and entrypoints"): an object is a
 * receive right in its entrypoint's port set, a capability a send right
 * to it. A call is one message: the rpc_msg bytes as one inline item,
 * then the capability arguments as one item of send rights; the reply
 * goes back over the send-once right the call carried.
 */

#ifndef _BASE_MACH__IPC__INTERNAL_H_
#define _BASE_MACH__IPC__INTERNAL_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/rpc_msg.h>
#include <base/status.h>
#include <mach/message.h>
#include <mach/port.h>

/* msgh_id of our messages: anything else on an object port is garbage */
enum { WIRE_ID_CALL = 0x47430001, WIRE_ID_REPLY = 0x47430002 };

/* one message as it goes out: large enough for every valid call or reply */
struct wire_msg {
	mach_msg_header_t head;
	uint32_t body[(sizeof(mach_msg_type_t) * 2 + RPC_MSG_MAX + 4 * RPC_CAPS_MAX) / 4];
};

/* the own task's name, fetched once: every mach_task_self() adds a reference */
mach_port_t ipc_task(void);

/* whether a selector can be a port name of a right we hold */
static inline bool
ipc_sel_name(long sel)
{
	return sel > 0; /* 0 is MACH_PORT_NULL; names from 2^31 on are not selectors */
}

/*
 * Lay out msg's bytes and capability arguments (BORROWED, sent as
 * COPY_SEND) after w->head; sets msgh_size and the complex bit, nothing
 * else of the header. STATUS_PROTOCOL (msg too long, bad cap_mask),
 * STATUS_INVALID_ARGS (a capability argument that cannot be a name).
 */
status_t wire_pack(struct wire_msg *w, const struct rpc_msg *msg);

/*
 * Take a received message apart into msg: the bytes (*received of them)
 * and the capabilities, OWNED by the caller on STATUS_OK. The header's
 * rights are left alone. STATUS_PROTOCOL if anything is not what
 * wire_pack makes or the rpc header is not valid for kind; then every
 * right and memory region of the body is destroyed and msg holds no caps
 * (but *received bytes of it, for an error reply naming the call).
 */
status_t wire_unpack(mach_msg_header_t *h, struct rpc_msg *msg, uint8_t kind, size_t *received);

/* release every right and region the body of a received(-form) message holds */
void wire_destroy_body(mach_msg_header_t *h);

/*
 * Release the header's rights: the remote one, and the local one too for
 * a message the kernel handed back after a failed send (pseudo-receive).
 */
void wire_destroy_header(mach_msg_header_t *h, bool local_too);

/* drop one right of a received type (PORT_RECEIVE, PORT_SEND, PORT_SEND_ONCE) */
void wire_right_release(mach_port_t name, mach_msg_type_name_t type);

/*
 * The result of a call whose reply (or the kernel's send-once
 * notification) is in h: the server's status with msg holding the reply
 * and its caps (OWNED) on STATUS_OK, STATUS_PEER_GONE, STATUS_PROTOCOL.
 * Every right in h is taken or destroyed.
 */
status_t ipc_reply_decode(mach_msg_header_t *h, struct rpc_msg *msg, uint32_t iface,
                          uint16_t opcode);

/* the status of a failed mach_msg send */
status_t ipc_send_status(mach_msg_return_t mr);

/*
 * Send msg as the reply over the send-once right so (CONSUMED, also on
 * failure), without blocking. STATUS_PEER_GONE if the caller is gone.
 */
status_t ipc_reply_over(mach_port_t so, struct rpc_msg *msg);

#endif /* _BASE_MACH__IPC__INTERNAL_H_ */
