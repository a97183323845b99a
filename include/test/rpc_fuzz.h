/*
 * \brief  What the generated fuzz entries (tool/rpcgen, <x>/fuzz.h) need
 *
 * Every RPC interface gets a fuzz entry: handlers that check what the
 * generated dispatch hands them and answer with made-up outputs, and a
 * decoder of its replies. The dispatch fuzzer (tests/fuzz/rpc_all)
 * iterates over all of them through the generated table
 * <rpc_fuzz/table.h> and provides the functions declared here.
 */

#ifndef _INCLUDE__TEST__RPC_FUZZ_H_
#define _INCLUDE__TEST__RPC_FUZZ_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/capability.h>
#include <base/rpc_msg.h>
#include <base/rpc_server.h>
#include <base/status.h>

/* a broken promise of the dispatch: stop the fuzzer right here */
#define RPC_FUZZ_EXPECT(cond)             \
	do {                              \
		if (!(cond))              \
			__builtin_trap(); \
	} while (0)

struct rpc_fuzz_iface {
	const char *name;
	uint32_t id;      /* the interface's RPC id */
	unsigned methods; /* opcodes 1 .. methods */
	rpc_dispatch_fn dispatch;
	const void *ops; /* the fuzz handlers, for dispatch */
	/* decode a reply to opcode as the client stub would; its status */
	status_t (*decode_reply)(struct rpc_msg *msg, uint16_t opcode);
};

/* provided by the fuzz target: a handler ran (at most one per call) */
void rpc_fuzz_handled(void);

/* the next of the input's choices for an output value */
uint64_t rpc_fuzz_choice(void);

/* the status a handler answers with (mostly STATUS_OK) */
status_t rpc_fuzz_status(void);

/* fill s with a string of up to bound characters, terminated */
void rpc_fuzz_string(char *s, size_t bound);

/* a capability for reply slot index: valid if valid (no descriptor behind it) */
cap_t rpc_fuzz_cap(bool valid, unsigned index);

#endif /* _INCLUDE__TEST__RPC_FUZZ_H_ */
