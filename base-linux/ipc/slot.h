/*
 * \brief  The call slot a client thread shares with an entrypoint (Linux)
 *
 * One page of a memfd the client made, mapped by both sides (doc/rpc.md,
 * "Shared call slots"). It carries calls and replies without
 * capabilities; the socket channel beside it stays for set-up,
 * capabilities, deferred replies and the doorbell. Either side may be
 * hostile: each reads every word once, copies a message out before it
 * looks at it, and treats a value it does not expect as an error of the
 * peer. The state word is the futex both wait on (a shared futex, keyed
 * by the page of the file, since the two are different processes).
 */

#ifndef _BASE_LINUX__IPC__SLOT_H_
#define _BASE_LINUX__IPC__SLOT_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/rpc_msg.h>
#include <base/status.h>

#include "sealed_page.h"

enum { RPC_SLOT_SIZE = 4096 };

/*
 * Calls a channel makes over its socket before its client thread offers
 * it a slot. The offer costs what some ten calls through a slot save (a
 * memfd, its seals and a mapping at both ends, undone at the close: about
 * 40 us against 3.8 us saved per call on the development VM, bench-spawn
 * and bench-rpc), so a channel pays it once it has shown that it is used
 * on: a session used for a call or two (a ROM session's dataspace, a PD
 * session's start, most sessions of a start-up) never pays it, and one
 * used for ever pays the socket's extra for these calls once (rent
 * before buying: never more than about twice the better choice).
 */
enum { RPC_SLOT_OFFER_AFTER = 8 };

enum rpc_slot_state {
	RPC_SLOT_IDLE = 0,     /* nothing in flight */
	RPC_SLOT_CALL = 1,     /* client: a call is in msg */
	RPC_SLOT_REPLY = 2,    /* server: its reply is in msg */
	RPC_SLOT_DEFERRED = 3, /* server: the reply will come over the socket */
	RPC_SLOT_SOCKET = 4,   /* client: a packet waits on the socket, look there */
};

/*
 * Written by the server once it mapped the slot: only then do calls go
 * there. ACCEPTED_LANE: it also took a lane offered later (after the
 * channel's first call with capability arguments), a datagram socket pair
 * (unnamed: only the two ends reach each other) of which the server keeps
 * one end and watches it with nothing; from then on calls with capability
 * arguments use the slot too, their descriptors travelling beside the
 * call through the lane (the kernel), sent before the call is put into
 * the slot.
 */
#define RPC_SLOT_ACCEPTED      0x534c4f54u
#define RPC_SLOT_ACCEPTED_LANE 0x534c4f4cu

struct rpc_slot {
	uint32_t state;     /* enum rpc_slot_state; the futex word */
	uint32_t listening; /* server: 1 while it waits on state instead of its epoll */
	uint32_t accepted;  /* server: RPC_SLOT_ACCEPTED */
	uint32_t length;    /* bytes of the message in msg */
	uint8_t msg[RPC_MSG_MAX];
};

_Static_assert(sizeof(struct rpc_slot) <= RPC_SLOT_SIZE, "a slot is one page");

/* the seals a slot's memfd must carry: its size can never change under a mapping */
#define RPC_SLOT_SEALS SEALED_PAGE_SEALS

/*
 * The client side (slot_client.c). offer: make a slot and send it over
 * chan (BORROWED); NULL if that fails (the channel then just keeps the
 * socket path). lane_offer: make the slot's lane and send one end over
 * chan; the other (OWNED by the caller), or -1. call: one call through the slot, its
 * capability arguments (if any) through lane; *drop is set when the
 * channel must not be used again. poke: after a packet was sent on chan,
 * make a server that waits on the slot look at its socket.
 */
struct rpc_slot *rpc_slot_offer(int chan);
int rpc_slot_lane_offer(int chan);
void rpc_slot_release(struct rpc_slot *slot);
status_t rpc_slot_call(int chan, int lane, struct rpc_slot *slot, struct rpc_msg *msg, bool *drop);
void rpc_slot_poke(struct rpc_slot *slot);

/* whether the calling process offers slots (ipc_linux_slots) */
bool rpc_slots_enabled(void);

#endif /* _BASE_LINUX__IPC__SLOT_H_ */
