/*
 * \brief  A ROM session served by an entrypoint
 *
 * One session hands out one read-only dataspace. Used by core's ROM
 * service for boot modules and by init for a child's "config".
 */

#ifndef _INCLUDE__ROM_SESSION__OBJECT_H_
#define _INCLUDE__ROM_SESSION__OBJECT_H_

#include <dataspace/object.h>
#include <rom_session/rpc.h>

struct rom_session_object {
	struct rpc_object rpc;
	struct dataspace_object ds;
	rom_session_cap_t cap; /* OWNED; copies go to the client */
};

/* serve size bytes of backing (CONSUMED, also on failure) as a ROM session */
status_t rom_session_object_init(struct rom_session_object *rom, struct entrypoint *ep,
                                 uint64_t size, cap_t backing);

/* end the session and its dataspace */
void rom_session_object_destroy(struct rom_session_object *rom, struct entrypoint *ep);

#endif /* _INCLUDE__ROM_SESSION__OBJECT_H_ */
