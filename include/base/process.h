/*
 * \brief  Creating and supervising child processes
 *
 * A parent creates a child from a binary ROM module, hands it the parent
 * capability and
 * learns about its end through a callback: a regular exit with the value
 * the child passed to env_exit(), or a fault (a crash, a kill from outside).
 * The child gets the capability of its parent object; its log lines go to
 * the LOG session it opens through that parent, never through the
 * parent's process. Only stray output on stdout/stderr is captured.
 *
 * Callbacks run on the framework's main loop (see component.h), never
 * concurrently with each other.
 */

#ifndef _INCLUDE__BASE__PROCESS_H_
#define _INCLUDE__BASE__PROCESS_H_

#include <stdbool.h>
#include <stddef.h>

#include <base/capability.h>
#include <base/status.h>

struct entrypoint;

enum { PROCESS_NAME_MAX = 64, PROCESS_MAX = 64 };

struct process;

struct process_exit {
	int value;          /* env_exit() value, as a signed byte */
	bool faulted;       /* ended by a fault rather than env_exit */
	const char *reason; /* for a fault: what happened, e.g. "segmentation fault" */
};

typedef void (*process_exit_fn)(void *ctx, struct process *p, const struct process_exit *e);

/*
 * Start binary (a ROM module name) as a child called name. parent is the
 * capability of the parent object the caller serves for this child; it is
 * BORROWED (the child gets its own copy at start). On success *out refers
 * to the child until its exit callback returned.
 * Errors: STATUS_OUT_OF_MEMORY (too many children), STATUS_NOT_FOUND (no
 * such binary), STATUS_INVALID_ARGS (name too long or empty), STATUS_DENIED.
 */
status_t process_create(const char *name, const char *binary, cap_t parent, process_exit_fn on_exit,
                        void *ctx, struct process **out);

/* end the child by force; its exit callback follows as a fault */
void process_kill(struct process *p);

const char *process_name(const struct process *p);

/*
 * Provided by the runtime: deliver one line a child wrote to its stdout or
 * stderr instead of its LOG session (stray output such as a sanitizer
 * report). name is the child's name.
 */
void process_stray_line(const char *name, const char *text, size_t len);

/*
 * Serve ep (may be NULL) and the children (capture their stray output,
 * report their exits) on the calling thread until done(ctx) returns true,
 * or forever if done is NULL. Called by the runtime's main loop, not by
 * components.
 */
void process_serve(struct entrypoint *ep, bool (*done)(void *ctx), void *ctx);

#endif /* _INCLUDE__BASE__PROCESS_H_ */
