/*
 * \brief  test-mach_signal: signals on GNU Mach in one bootstrap task
 *
 * core's side (the generic records of core/signal_context.c, core's Mach
 * files base-mach/core/signal_*.c) runs on an entrypoint served by a
 * second thread, as at core; the checks use the signal library on the
 * main thread. A small control port on that entrypoint stands in for the
 * SIGNAL session: it allocates and frees contexts on the entrypoint's
 * thread, where the records live.
 */

#ifndef _TEST_MACH_SIGNAL_H_
#define _TEST_MACH_SIGNAL_H_

#include <stdbool.h>

#include <base/signal.h>
#include <mach/port.h>
#include <util/format.h>

/* output on the kernel's console, the verdict as QEMU's exit status */
#include "../verdict/verdict.h"

/* core_side.c: core's entrypoint on its own thread, the backing through it */
bool core_side_start(void);

/* the number of messages queued on a receive right of ours (-1: none) */
int port_queued(mach_port_t port);

/* the wake port of a context (the library's private state) */
mach_port_t context_wake_port(const struct signal_context *ctx);

/* a wait that must deliver: STATUS_OK, else a zeroed signal */
struct signal wait_for(struct signal_receiver *r, unsigned timeout_ms);

/* let core's thread run until it has nothing left to do (about ms) */
void settle(unsigned ms);

void checks_deliver(void);
void checks_hostile(void);

#endif
