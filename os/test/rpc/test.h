/*
 * \brief  test-rpc: what its parts share
 *
 * One component plays server and clients at once: an entrypoint thread
 * serves OBJECTS_START objects (and those made at run time), client
 * threads call them. Every check that fails logs one line starting with
 * "Error: ", which the run script looks for, and is counted.
 */

#ifndef _OS__TEST__RPC__TEST_H_
#define _OS__TEST__RPC__TEST_H_

#include <stdbool.h>

#include <test/expect.h>
#include <test_rpc/client.h>

enum {
	OBJECTS_START = 50, /* made before the entrypoint runs */
	OBJECTS_MAX = 64,   /* room for objects made by create */
	CLIENTS = 4,        /* client threads calling at the same time */
};

/*
 * Start the entrypoint thread with objects 0..OBJECTS_START-1. *root is
 * a capability to object 0, OWNED by the caller. Objects may be made and
 * dissolved only by the entrypoint from then on (by calls).
 */
status_t server_start(test_rpc_cap_t *root);

/* stop the entrypoint through root (BORROWED), join it, free everything */
status_t server_stop(test_rpc_cap_t root);

/*
 * The selector of the server's own copy of object index (< OBJECTS_START,
 * which live until server_stop), to compare with a client's: where a
 * component holds one selector per object (GNU Mach: one name per port
 * in a task), a client's copy in this component is that very selector.
 */
long server_object_sel(uint32_t index);

/* the phases, each run by the main thread; root is BORROWED */
void phase_clients(test_rpc_cap_t root);
void phase_invalid_caps(test_rpc_cap_t root);
void phase_malformed(test_rpc_cap_t root);
void phase_raw(test_rpc_cap_t root);

#endif /* _OS__TEST__RPC__TEST_H_ */
