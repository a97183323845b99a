/*
 * \brief  Opening a Block session through the parent
 */

#ifndef _INCLUDE__BLOCK_SESSION__CONNECTION_H_
#define _INCLUDE__BLOCK_SESSION__CONNECTION_H_

#include <block_session/client.h>
#include <block_session/packet.h>
#include <parent/client.h>

/*
 * What a client donates per session: covers the server's session state
 * (RPC object, sink, label); the shared region is the client's own RAM.
 */
#define BLOCK_SESSION_RAM_QUOTA "8K"

/* open a Block session; *block is OWNED by the caller */
static inline status_t
block_connection_open(parent_cap_t parent, block_session_cap_t *block)
{
	cap_t raw = cap_invalid();
	status_t s = parent_session(parent, "Block", "ram_quota=" BLOCK_SESSION_RAM_QUOTA, &raw);
	*block = CAP_TYPED(block_session_cap_t, raw);
	return s;
}

/* close a session opened with block_connection_open; CONSUMES block */
static inline void
block_connection_close(parent_cap_t parent, block_session_cap_t block)
{
	(void)parent_close(parent, cap_raw(block));
	cap_close(cap_raw(block));
}

#endif /* _INCLUDE__BLOCK_SESSION__CONNECTION_H_ */
