/*
 * \brief  The Block session's use of the packet stream's op words
 *
 * A request is one packet: op[BLOCK_PACKET_OPERATION] says what,
 * op[BLOCK_PACKET_BLOCK] the first block, op[BLOCK_PACKET_COUNT] how many;
 * the packet's payload holds count * block_size bytes (read: filled by the
 * server, write: filled by the client). The server answers every packet it
 * takes with an acknowledgement of the same descriptor whose
 * op[BLOCK_PACKET_SUCCESS] is 1 on success and 0 on failure.
 */

#ifndef _INCLUDE__BLOCK_SESSION__PACKET_H_
#define _INCLUDE__BLOCK_SESSION__PACKET_H_

enum block_operation {
	BLOCK_OPERATION_READ = 1,
	BLOCK_OPERATION_WRITE = 2,
};

/* bits of info's `operations`: what the device supports */
enum {
	BLOCK_OPERATION_READ_BIT = 1u << 0,
	BLOCK_OPERATION_WRITE_BIT = 1u << 1,
};

/* indices into packet_descriptor.op */
enum {
	BLOCK_PACKET_OPERATION = 0,
	BLOCK_PACKET_BLOCK = 1,
	BLOCK_PACKET_COUNT = 2,
	BLOCK_PACKET_SUCCESS = 3,
};

#endif /* _INCLUDE__BLOCK_SESSION__PACKET_H_ */
