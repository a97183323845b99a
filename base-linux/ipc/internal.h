/*
 * \brief  Private interfaces of the Linux IPC transport
 *
 * Model (see doc/rpc.md): an object is a SOCK_SEQPACKET socketpair. The
 * entrypoint keeps end A, end B is the capability. A client thread talks
 * to an object over a private channel, a second socketpair whose server
 * end it sends once over B ("connect"); calls and replies then use only
 * that channel.
 */

#ifndef _BASE_LINUX__IPC__INTERNAL_H_
#define _BASE_LINUX__IPC__INTERNAL_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/capability.h>
#include <base/rpc_msg.h>
#include <base/status.h>

/* the fd behind a selector, false if it cannot be one */
bool cap_sel_fd(long sel, int *fd);

/*
 * Generation of a selector number, bumped whenever a capability appears
 * under or disappears from that number. A cached reply channel remembers
 * the generation it was opened under, so a closed and reused selector
 * can never reach the old object's channel. Numbers share buckets; a
 * shared bucket only causes an unneeded reconnect.
 */
uint32_t cap_gen_get(long sel);
void cap_gen_bump(long sel);

/*
 * Send msg (header, payload and the caps of its cap_mask, BORROWED) as
 * one packet. MSG_NOSIGNAL is always added. Returns STATUS_OK,
 * STATUS_WOULD_BLOCK (MSG_DONTWAIT and full), STATUS_INVALID_ARGS (a cap
 * in msg is not an open selector) or STATUS_INVALID_CAP (fd is not a
 * connected socket or its peer is gone).
 */
status_t sock_msg_send(int fd, const struct rpc_msg *msg, int flags);

/*
 * Receive one packet into msg, with descriptors only if caps is true (a
 * packet that must carry none is received more cheaply, and descriptors
 * sent anyway are dropped by the kernel). On STATUS_OK, *received is its byte count,
 * the cap_mask matches the number of descriptors that came along, and
 * msg->caps holds them (OWNED by the caller; absent ones invalid). On
 * every other result no descriptor is left open and msg->caps is all
 * invalid: STATUS_WOULD_BLOCK (MSG_DONTWAIT and empty), STATUS_PEER_GONE
 * (end of file or error), STATUS_PROTOCOL (truncated, empty, or the
 * descriptors do not match the header).
 */
status_t sock_msg_recv(int fd, struct rpc_msg *msg, int flags, bool caps, size_t *received);

/*
 * Send the "connect" packet carrying chan_fd (BORROWED) over obj_fd;
 * flags as for sock_msg_send (MSG_DONTWAIT: STATUS_WOULD_BLOCK if full).
 */
status_t sock_send_connect(int obj_fd, int chan_fd, int flags);

/* the same with n (1 to 8) descriptors and the cap_mask mask (the peer judges it) */
status_t sock_send_connect_fds(int fd, const int *fds, unsigned n, uint8_t mask, int flags);

/*
 * A shared slot's lane (slot.h): send the descriptors of msg's capability
 * arguments with a copy of its header, without waiting
 * (STATUS_INVALID_ARGS: an argument is no open selector, or there is
 * none); receive them, without waiting, into msg->caps as msg's cap_mask
 * says (STATUS_PROTOCOL, nothing kept, cap_mask cleared, if the packet
 * does not match it or there is none).
 */
status_t sock_caps_send(int lane, const struct rpc_msg *msg);
status_t sock_caps_recv(int lane, struct rpc_msg *msg);

/*
 * The status of a reply of received bytes to a call of iface/opcode: the
 * server's, or STATUS_PROTOCOL (malformed, closing its caps) or the
 * reason of the entrypoint's refusal of the channel.
 */
status_t ipc_reply_status(struct rpc_msg *msg, size_t received, uint32_t iface, uint16_t opcode);

/* whether the reply in msg is well-formed and answers iface/opcode */
bool ipc_reply_valid(const struct rpc_msg *msg, size_t received, uint32_t iface, uint16_t opcode);

/*
 * Idle channels of answered async calls (async_pool.c), by the selector
 * and generation of the capability they were opened through, as for the
 * channel cache, and the entrypoint that watches them. An async channel
 * is owned by its watch at ep; fd is the watch's descriptor (BORROWED).
 * take: an idle channel to sel, OWNED by the caller from now on. put:
 * keep chan (OWNED by the pool from now on; unwatched, and so closed, if
 * the pool has one to the object already or is full).
 */
struct entrypoint;
struct async_channel {
	int fd;
	uint64_t watch;
};
bool async_pool_take(long sel, uint32_t gen, struct entrypoint *ep, struct async_channel *out);
void async_pool_put(long sel, uint32_t gen, struct entrypoint *ep, struct async_channel chan);

/* end the calling thread's idle channels (thread exit) */
void async_pool_clear(void);

/* forget the idle channels watched by ep (NULL: all), which ep closes itself */
void async_pool_forget(const struct entrypoint *ep);

/* a forked child: close its copies of the idle channels, never the parent's watches */
void async_pool_forked(void);

/* whether fd is an AF_UNIX SOCK_SEQPACKET socket, the only kind we use */
bool sock_is_channel(int fd);

/*
 * whether fd is an AF_UNIX SOCK_DGRAM socket, what a slot's lane is: not
 * a channel, so a call through a lane's number fails at once (nobody
 * would read the connect it sends)
 */
bool sock_is_lane(int fd);

/*
 * the calling thread's cached channel to sel, or -1; *slot: its shared
 * call slot or NULL, *lane: the slot's lane for descriptors or -1
 */
struct rpc_slot;
int chan_cache_lookup(long sel, struct rpc_slot **slot, int *lane);

/* offer the cached channel to sel a shared call slot, once (slot.h) */
void chan_cache_slot_offer(long sel);

/* offer the slot of the cached channel to sel its lane, once (slot.h) */
void chan_cache_lane_offer(long sel);

/*
 * remember fd (OWNED by the cache from now on) as channel to sel, whose
 * socket has inode object (as chan_cache_share found it)
 */
void chan_cache_insert(long sel, uint32_t gen, int fd, uint64_t object);

/*
 * The thread's channel to the object behind sel, if it has one through
 * another copy of the capability: a new descriptor of it, cached for sel
 * under gen. -1 if there is none. *object: the inode of sel's socket (0
 * if unknown), for chan_cache_insert, which saves it an fstat.
 */
int chan_cache_share(long sel, uint32_t gen, uint64_t *object);

/* close the calling thread's channel to sel, if it has one */
void chan_cache_drop(long sel);

#endif /* _BASE_LINUX__IPC__INTERNAL_H_ */
