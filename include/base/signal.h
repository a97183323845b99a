/*
 * \brief  Signals: asynchronous, counting notifications without payload
 *
 * A signal tells a component that something happened (a timeout, a
 * fault, new input) without making the notifier wait. The receiving side
 * creates a signal context for each source of events it wants to tell
 * apart and hands out the context's capability; whoever holds a copy (a
 * transmitter) may submit signals to it. Nothing else is needed for a
 * submit: it never blocks and never fails because the receiver is slow,
 * busy, gone, or has dissolved the context.
 *
 * Counting: while a context has a signal pending, further submits only
 * add to its count. The receiver gets ONE delivery per pending context
 * carrying the summed count, and the count starts again at 0. So the sum
 * of the counts delivered equals the number of submits, however the two
 * sides are scheduled, and a flood of submits costs the receiver one
 * wake-up. The count saturates: a delivery says at most UINT_MAX
 * (SIGNAL_COUNT_MAX), however many more submits it stands for, on every
 * platform.
 *
 * The count is kept for the receiver by core (doc/signals.md); a platform
 * may take a faster way to it (base-linux: an eventfd), which nothing
 * using this interface can tell apart.
 *
 * A context is received in one of two ways, chosen when it is created:
 *
 * - at a signal receiver: any thread takes the next pending signal of any
 *   of the receiver's contexts with signal_receiver_wait();
 * - by an entrypoint: the entrypoint's thread calls the context's handler,
 *   between (never during) the RPC calls it dispatches, so a handler
 *   touches the entrypoint's objects without a lock.
 *
 * Capabilities: signal_context_cap() is BORROWED from the context and
 * closed by signal_context_dissolve(). A transmitter that may outlive the
 * context (another thread, another component) holds its own copy
 * (cap_dup, or the copy it received in an RPC); its submits after the
 * dissolve are dropped without harm.
 */

#ifndef _INCLUDE__BASE__SIGNAL_H_
#define _INCLUDE__BASE__SIGNAL_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/capability.h>
#include <base/status.h>

#ifndef CAP_TYPE_SIGNAL_CONTEXT
#define CAP_TYPE_SIGNAL_CONTEXT
CAP_TYPE(signal_context);
#endif

/* what a platform shares among a context's receiver and transmitters (signal_backing.h) */
#ifndef CAP_TYPE_SIGNAL_PAGE
#define CAP_TYPE_SIGNAL_PAGE
CAP_TYPE(signal_page);
#endif

struct entrypoint;
struct signal_receiver;
struct signal_context;

/* one delivery: which context, and how many submits it sums up (>= 1, saturated at UINT_MAX) */
struct signal {
	struct signal_context *context;
	void *imprint; /* what the context was created with */
	unsigned num;
};

/* wait without a time limit */
#define SIGNAL_WAIT_FOREVER UINT64_MAX

/*
 * Submit count signals to the context behind cap (BORROWED). Never
 * blocks. A count of 0 submits nothing. Returns STATUS_OK also when the
 * context was dissolved meanwhile (the submit is dropped, as in Genode)
 * and when the context's count is saturated (nobody reads it; the count
 * stays at its maximum); STATUS_INVALID_CAP if cap is invalid, closed or
 * not a signal-context capability.
 */
status_t signal_submit(signal_context_cap_t cap, unsigned count);

/* STATUS_OUT_OF_MEMORY if memory or selectors are exhausted */
status_t signal_receiver_create(struct signal_receiver **out);

/*
 * Dissolve the receiver's remaining contexts (pointers to them become
 * invalid) and free it. No thread may be waiting at it.
 */
void signal_receiver_destroy(struct signal_receiver *r);

/*
 * Create a context received at r. imprint is handed back with each of its
 * signals (typically the object the context stands for). May be called
 * while other threads wait at r. STATUS_OUT_OF_MEMORY; where contexts are
 * charged to a quota (a component's SIGNAL session), STATUS_QUOTA_EXCEEDED.
 */
status_t signal_context_create(struct signal_receiver *r, void *imprint,
                               struct signal_context **out);

/* called with the number of submits since the last call (>= 1) */
typedef void (*signal_handler_fn)(void *arg, unsigned num);

/*
 * Create a context whose signals ep dispatches to fn(arg, num) on its own
 * thread. Like an RPC object, it is created and dissolved on ep's thread
 * (fn may dissolve its own context) or while ep is not dispatching, and
 * it must be dissolved before ep is destroyed. Errors as for
 * signal_context_create.
 */
status_t signal_handler_create(struct entrypoint *ep, signal_handler_fn fn, void *arg,
                               struct signal_context **out);

/* the context's capability, BORROWED: valid until the context is dissolved */
signal_context_cap_t signal_context_cap(const struct signal_context *ctx);

void *signal_context_imprint(const struct signal_context *ctx);

/*
 * Stop receiving the context and free it. Signals pending for it are
 * discarded, and every submit through any remaining copy of its
 * capability is dropped from now on. Safe while other threads wait at
 * the receiver: a signal of ctx they have not taken yet is never
 * delivered. A struct signal taken before still names ctx, which is
 * dangling now: who dissolves must know that nobody uses those.
 */
void signal_context_dissolve(struct signal_context *ctx);

/*
 * Take the next pending signal of any context of r, waiting for one as
 * long as it takes. Contexts that are pending together are delivered
 * about in the order they became pending, so none starves the others.
 * Several threads may wait at r; each
 * signal goes to one of them. STATUS_UNAVAILABLE if waiting itself failed.
 */
status_t signal_receiver_wait(struct signal_receiver *r, struct signal *out);

/*
 * As signal_receiver_wait, for at most timeout_us microseconds (rounded up
 * to the platform's tick; 0 only looks, SIGNAL_WAIT_FOREVER never expires).
 * STATUS_TIMEOUT if no signal came in time.
 */
status_t signal_receiver_wait_timeout(struct signal_receiver *r, uint64_t timeout_us,
                                      struct signal *out);

/*
 * Whether a signal is pending at r right now. Only a hint when other
 * threads take signals from r at the same time.
 */
bool signal_receiver_pending(struct signal_receiver *r);

#endif /* _INCLUDE__BASE__SIGNAL_H_ */
