/*
 * \brief  Let an entrypoint watch a descriptor beside its objects (Linux)
 *
 * For other Linux libraries of the framework (signals): their events are
 * handled on the entrypoint's thread, between the calls it dispatches,
 * with the same guarantee as RPC handlers (never two at a time).
 */

#ifndef _BASE_LINUX__IPC__EP_WATCH_H_
#define _BASE_LINUX__IPC__EP_WATCH_H_

#include <stdint.h>

#include <base/entrypoint.h>

/* called on the entrypoint's thread when the watched descriptor is readable */
typedef void (*entrypoint_watch_fn)(void *arg);

/*
 * Call fn(arg) whenever fd (BORROWED: the entrypoint watches a duplicate
 * of its own) is readable, level-triggered: fn must consume what made it
 * readable. *id names the watch for entrypoint_unwatch. May be called
 * under the same conditions as entrypoint_manage. STATUS_OUT_OF_MEMORY.
 */
status_t entrypoint_watch(struct entrypoint *ep, int fd, entrypoint_watch_fn fn, void *arg,
                          uint64_t *id);

/*
 * Like entrypoint_watch, but edge-triggered: fn is called once for each
 * time fd turns readable or, while readable, is written again (an
 * eventfd: each write), and need not consume anything (signal doorbells).
 */
status_t entrypoint_watch_edge(struct entrypoint *ep, int fd, entrypoint_watch_fn fn, void *arg,
                               uint64_t *id);

/* like entrypoint_watch, but fd is OWNED by the watch from now on (also on failure) */
status_t entrypoint_watch_owned(struct entrypoint *ep, int fd, entrypoint_watch_fn fn, void *arg,
                                uint64_t *id);

/* call fn(arg) from now on for the watch id; false if id is no watch (any more) */
bool entrypoint_watch_retarget(struct entrypoint *ep, uint64_t id, entrypoint_watch_fn fn,
                               void *arg);

/*
 * Stop the watch: fn is not called again, even for an event fetched
 * already. fn may unwatch its own watch. An unknown id is ignored.
 */
void entrypoint_unwatch(struct entrypoint *ep, uint64_t id);

#endif /* _BASE_LINUX__IPC__EP_WATCH_H_ */
