/*
 * \brief  Creating and supervising child processes
 *
 * A parent creates a child from a binary ROM module, hands it the parent
 * capability and
 * learns about its end through a callback: an end on its own, or a fault
 * (a crash, a kill from outside), named in platform-neutral terms
 * (base/exit_reason.h). The value the child passed to env_exit() comes
 * to the parent object the caller serves for it, not through here.
 * The child gets the capability of its parent object; its log lines go to
 * the LOG session it opens through that parent, never through the
 * parent's process.
 *
 * The parent does none of the platform's work: it opens a ROM session
 * for the binary and a PD session at core (both through its own parent),
 * and core creates and supervises the process (include/pd_session/).
 * core logs the child's stray output (stdout/stderr) under the PD
 * session's label, "[init -> child] text", and tells the parent by signal
 * when the child ended.
 *
 * Callbacks run on the component's entrypoint (signal handlers), never
 * concurrently with each other or with RPC handlers.
 */

#ifndef _INCLUDE__BASE__PROCESS_H_
#define _INCLUDE__BASE__PROCESS_H_

#include <stdbool.h>
#include <stddef.h>

#include <base/capability.h>
#include <base/exit_reason.h>
#include <base/status.h>
#include <cpu_session/rpc.h>
#include <parent/rpc.h>
#include <ram_session/rpc.h>

struct entrypoint;
struct heap;

/* no bound on the children of one parent: each record is a block of its heap */
enum { PROCESS_NAME_MAX = 64 };

struct process;

/*
 * How the child ended, as core tells it: on its own (EXIT_REASON_EXITED)
 * or by a fault or kill, in platform-neutral terms. Its exit value is not
 * here: the child reports that to the parent object the caller serves for
 * it (parent exit, called by env_exit), before it ends.
 */
struct process_exit {
	struct exit_fault fault;
};

typedef void (*process_exit_fn)(void *ctx, struct process *p, const struct process_exit *e);

/*
 * Start binary (a ROM module name) as a child called name. parent is the
 * capability of the parent object the caller serves for this child; it is
 * BORROWED (the child gets its own copy at start). On success *out refers
 * to the child until its exit callback returned.
 * The record of the child is taken from the component's heap (its RAM
 * quota) and given back after the exit callback returned.
 * Errors: the heap's status when it cannot hold the record (e.g.
 * STATUS_QUOTA_EXCEEDED), STATUS_NOT_FOUND (no such binary), STATUS_INVALID_ARGS (name too long or
 * empty), STATUS_DENIED, and whatever the parent or core answered to the ROM and PD sessions (e.g.
 * STATUS_QUOTA_EXCEEDED), each logged.
 */
status_t process_create(const char *name, const char *binary, cap_t parent, process_exit_fn on_exit,
                        void *ctx, struct process **out);

/*
 * As process_create, with the child's CPU session and environment RAM
 * session at core (both BORROWED, opened by the caller beforehand, either
 * may be invalid): the CPU session's priority and the RAM session's quota,
 * as the bound of all the child's memory, hold from the child's first
 * instruction on.
 */
status_t process_create_env(const char *name, const char *binary, cap_t parent,
                            cpu_session_cap_t cpu, ram_session_cap_t ram, process_exit_fn on_exit,
                            void *ctx, struct process **out);

/*
 * As process_create_env, asking the parent for the child's host access
 * (host_access: the reason, BORROWED; NULL: none). Only top-level init's
 * request is honoured, for its own child (pd_session/host_access.h); any
 * other parent's is stripped by init on the way to core.
 */
status_t process_create_host(const char *name, const char *binary, cap_t parent,
                             cpu_session_cap_t cpu, ram_session_cap_t ram, const char *host_access,
                             process_exit_fn on_exit, void *ctx, struct process **out);

/* end the child by force; its exit callback follows as a fault ("killed") */
void process_kill(struct process *p);

const char *process_name(const struct process *p);

/*
 * Called by the runtime before component_construct: the component's own
 * parent (where ROM and PD sessions are opened; BORROWED for the
 * component's life), the entrypoint that receives the exit signals and
 * the heap the children's records come from (BORROWED: the component's).
 */
void process_runtime_init(parent_cap_t parent, struct entrypoint *ep, struct heap *heap);

/*
 * Serve ep (RPC calls and signals, among them the children's exit
 * reports) on the calling thread until done(ctx) returns true, or forever
 * if done is NULL. Called by the runtime's main loop, not by components.
 */
void process_serve(struct entrypoint *ep, bool (*done)(void *ctx), void *ctx);

#endif /* _INCLUDE__BASE__PROCESS_H_ */
