/*
 * \brief  What base-mach's own code asks of an entrypoint (not generic)
 *
 * On Linux an entrypoint watches descriptors; on GNU Mach it receives on
 * one port set. Platform code that must hear messages on ep's thread
 * (signal handlers, timers, async replies, and at core: exception
 * messages, memory-object requests, process ends, ticks) hands a receive
 * right to the entrypoint with a function to call for each message.
 *
 * The contract (doc/platform-mach.md, "Entrypoints"):
 * - entrypoint_port_watch MOVES the receive right `port` into ep's port
 *   set and sets its protected payload to the watch, so a message is
 *   matched to its watch without a lookup. It CONSUMES nothing else.
 *   STATUS_OUT_OF_MEMORY (no memory for the watch, or the kernel refused).
 * - fn(arg, msg) runs on ep's thread between the RPC calls ep dispatches,
 *   never concurrently with them or with another watch's fn. msg is the
 *   received message, valid until fn returns, its msgh_local_port the
 *   watched port's name (as if received on that port alone); rights and
 *   out-of-line memory it carries belong to fn (mach_msg_destroy what you
 *   do not keep).
 * - entrypoint_port_unwatch takes the port out of the set and frees the
 *   watch; the receive right is the caller's again (still OWNED by the
 *   caller, who destroys or reuses it). Call it on ep's thread or while
 *   ep is idle.
 * - EP_MACH_MSG_MAX is the largest message a watch can receive inline.
 */

#ifndef _BASE_MACH__INCLUDE__BASE__EP_MACH_H_
#define _BASE_MACH__INCLUDE__BASE__EP_MACH_H_

#include <base/entrypoint.h>
#include <base/status.h>
#include <mach/message.h>
#include <mach/port.h>

enum { EP_MACH_MSG_MAX = 2048 };

struct ep_port_watch;
typedef void (*ep_port_fn)(void *arg, mach_msg_header_t *msg);

status_t entrypoint_port_watch(struct entrypoint *ep, mach_port_t port, ep_port_fn fn, void *arg,
                               struct ep_port_watch **out);
void entrypoint_port_unwatch(struct ep_port_watch *watch);

/*
 * Release what a received message holds: the reply (remote) right and
 * every right and out-of-line region of its body, as Hurd's C library
 * does (base-mach/ipc).
 */
void mach_msg_destroy(mach_msg_header_t *msg);

/* the entrypoint's port set, for process_serve's receive loop */
mach_port_t entrypoint_port_set(const struct entrypoint *ep);

#endif /* _BASE_MACH__INCLUDE__BASE__EP_MACH_H_ */
