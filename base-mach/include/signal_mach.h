/*
 * \brief  The messages of signals on GNU Mach (doc/platform-mach.md, "Signals")
 *
 * A signal context is a port whose receive right core keeps; its
 * capability is a send right to it. Everything on it is a small one-way
 * message without a reply right, so nobody ever waits for an answer:
 * - SUBMIT (any holder): add count to core's count of the context;
 * - REGISTER (the receiver, once, right after the context came): the send
 *   right to the receiver's wake port; core keeps the first one only, so a
 *   transmitter cannot redirect the wake-ups;
 * - ACK (the receiver, after a delivery): core may send the next WAKE.
 * core sends WAKE to the registered port when the count turned non-zero
 * and no WAKE is outstanding: it carries the whole count, so a wake port
 * holds at most one message (its queue limit is no concern).
 *
 * Both sides check every message exactly (size, complex bit, item type)
 * and drop what differs, releasing what it carried.
 */

#ifndef _BASE_MACH__INCLUDE__SIGNAL_MACH_H_
#define _BASE_MACH__INCLUDE__SIGNAL_MACH_H_

#include <stdbool.h>
#include <stdint.h>

#include <mach/message.h>
#include <mach/port.h>

enum {
	SIGNAL_MACH_SUBMIT = 0x47430101,
	SIGNAL_MACH_REGISTER = 0x47430102,
	SIGNAL_MACH_ACK = 0x47430103,
	SIGNAL_MACH_WAKE = 0x47430104,
};

/* SUBMIT and WAKE: one inline 32-bit integer */
struct signal_mach_count_msg {
	mach_msg_header_t head;
	mach_msg_type_t type;
	uint32_t count;
};

/* REGISTER: one send right (sent as MAKE_SEND, received as PORT_SEND) */
struct signal_mach_register_msg {
	mach_msg_header_t head;
	mach_msg_type_t type;
	mach_port_t wake;
};

/* ACK: the header alone */
struct signal_mach_ack_msg {
	mach_msg_header_t head;
};

/* an inline item of one element */
static inline mach_msg_type_t
signal_mach_type(unsigned name)
{
	return (mach_msg_type_t){
	        .msgt_name = name & 0xff, .msgt_size = 32, .msgt_number = 1, .msgt_inline = 1};
}

static inline bool
signal_mach_type_is(const mach_msg_type_t *t, unsigned name)
{
	return t->msgt_inline && !t->msgt_longform && !t->msgt_deallocate && t->msgt_name == name &&
	       t->msgt_size == 32 && t->msgt_number == 1;
}

/* a SUBMIT or WAKE of count to port, as it goes out (no reply right) */
static inline void
signal_mach_count_fill(struct signal_mach_count_msg *m, mach_port_t port, unsigned id,
                       uint32_t count)
{
	*m = (struct signal_mach_count_msg){
	        .head = {.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, 0),
	                 .msgh_size = sizeof(*m),
	                 .msgh_remote_port = port,
	                 .msgh_id = (mach_msg_id_t)id},
	        .type = signal_mach_type(MACH_MSG_TYPE_INTEGER_32),
	        .count = count};
}

/* whether a received message is a well-formed SUBMIT or WAKE (id) */
static inline bool
signal_mach_count_valid(const mach_msg_header_t *h, unsigned id)
{
	const struct signal_mach_count_msg *m = (const struct signal_mach_count_msg *)h;
	return h->msgh_id == (mach_msg_id_t)id && h->msgh_size == sizeof(*m) &&
	       !(h->msgh_bits & MACH_MSGH_BITS_COMPLEX) && h->msgh_remote_port == MACH_PORT_NULL &&
	       signal_mach_type_is(&m->type, MACH_MSG_TYPE_INTEGER_32);
}

#endif /* _BASE_MACH__INCLUDE__SIGNAL_MACH_H_ */
