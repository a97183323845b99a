/*
 * \brief  Creating and supervising child processes
 *
 * A parent creates a child from a binary ROM module, hands it a config and
 * learns about its end through a callback: a regular exit with the value
 * the child passed to env_exit(), or a fault (a crash, a kill from outside).
 * The log lines of the child and of all its descendants reach the parent's
 * log with the Genode label chain ("child -> grandchild").
 *
 * Callbacks run on the framework's main loop (see component.h), never
 * concurrently with each other.
 */

#ifndef _INCLUDE__BASE__PROCESS_H_
#define _INCLUDE__BASE__PROCESS_H_

#include <stdbool.h>
#include <stddef.h>

#include <base/status.h>

enum { PROCESS_NAME_MAX = 64, PROCESS_MAX = 64 };

struct process;

struct process_exit {
	int value;          /* env_exit() value, as a signed byte */
	bool faulted;       /* ended by a fault rather than env_exit */
	const char *reason; /* for a fault: what happened, e.g. "segmentation fault" */
};

typedef void (*process_exit_fn)(void *ctx, struct process *p, const struct process_exit *e);

/*
 * Start binary (a ROM module name) as a child called name. config is
 * copied; it becomes the child's read-only "config" ROM (none if len is 0).
 * On success *out refers to the child until its exit callback returned.
 * Errors: STATUS_OUT_OF_MEMORY (too many children), STATUS_NOT_FOUND (no
 * such binary), STATUS_INVALID_ARGS (name too long or empty), STATUS_DENIED.
 */
status_t process_create(const char *name, const char *binary, const char *config, size_t config_len,
                        process_exit_fn on_exit, void *ctx, struct process **out);

/* end the child by force; its exit callback follows as a fault */
void process_kill(struct process *p);

const char *process_name(const struct process *p);

/*
 * Provided by the runtime: deliver one line of a descendant's log. chain is
 * the label chain relative to this process ("child" or "child -> grandchild").
 */
void process_relay_line(const char *chain, const char *text, size_t len);

/*
 * Serve children (relay their output, report their exits) until done(ctx)
 * returns true, or forever if done is NULL. Called by the runtime's main
 * loop, not by components.
 */
void process_serve(bool (*done)(void *ctx), void *ctx);

#endif /* _INCLUDE__BASE__PROCESS_H_ */
