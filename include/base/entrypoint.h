/*
 * \brief  Entrypoint: one thread receiving and dispatching calls for many objects
 *
 * An entrypoint waits for calls to any of the objects it manages and
 * dispatches them one at a time, so a handler never runs concurrently
 * with another handler of the same entrypoint and needs no lock for the
 * entrypoint's objects. For now the loop runs on the thread that calls
 * entrypoint_run (or entrypoint_wait_and_dispatch_one).
 *
 * Handlers run inside the loop and must not block on anything that only
 * the same entrypoint could release (in particular, never call an object
 * of their own entrypoint): what must wait is deferred with
 * rpc_reply_defer instead.
 */

#ifndef _INCLUDE__BASE__ENTRYPOINT_H_
#define _INCLUDE__BASE__ENTRYPOINT_H_

#include <base/capability.h>
#include <base/rpc_server.h>
#include <base/status.h>

struct entrypoint;

/*
 * Create an entrypoint managing no object. Returns STATUS_OUT_OF_MEMORY
 * if the platform resources (memory, selectors) are exhausted.
 */
status_t entrypoint_create(struct entrypoint **out);

/*
 * Dissolve every object still managed and free the entrypoint. Pending
 * callers see STATUS_INVALID_CAP or STATUS_PEER_GONE.
 */
void entrypoint_destroy(struct entrypoint *ep);

/*
 * Let ep serve obj: calls to the object are handed to dispatch (a
 * generated <iface>_rpc_dispatch, or a hand-written one). obj->ops and
 * obj->ctx must be set; obj must stay valid until dissolved.
 *
 * *cap is a new capability to the object, OWNED by the caller: it may
 * delegate copies of it in replies and close it when it no longer needs
 * it; copies held by others stay valid until entrypoint_dissolve.
 * Returns STATUS_CONFLICT if obj is already managed, STATUS_OUT_OF_MEMORY.
 */
status_t entrypoint_manage(struct entrypoint *ep, struct rpc_object *obj, rpc_dispatch_fn dispatch,
                           cap_t *cap);

/*
 * Stop serving obj. Every capability to it, anywhere, fails from now on
 * with STATUS_INVALID_CAP; a call of obj being dispatched right now still
 * gets its reply. Calls that obj's handlers deferred are not affected:
 * their reply handles stay answerable. Dissolving an object that is not
 * managed by ep is a no-op.
 */
void entrypoint_dissolve(struct entrypoint *ep, struct rpc_object *obj);

/*
 * Block until something happens on ep's objects and handle it: one call
 * (dispatched and answered), a new reply channel, or a client gone.
 * Returns STATUS_OK, or STATUS_UNAVAILABLE if waiting itself failed.
 */
status_t entrypoint_wait_and_dispatch_one(struct entrypoint *ep);

/* dispatch until entrypoint_stop is called (typically by a handler) */
status_t entrypoint_run(struct entrypoint *ep);

/* make entrypoint_run return after the current call */
void entrypoint_stop(struct entrypoint *ep);

#endif /* _INCLUDE__BASE__ENTRYPOINT_H_ */
