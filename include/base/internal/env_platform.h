/*
 * \brief  Component start-up: between a platform's process entry and the environment
 *
 * A platform's start-up code (base-<p>/component/) owns the process
 * entry: it finds the parent capability where its kernel put it, calls
 * env_start, does what the platform must do before component code runs
 * (Linux: tighten the sandbox) and calls env_serve. The environment
 * itself (base/component/) is generic and calls back into the platform
 * only for the two things no session can do: write a line when there is
 * no LOG session, and end the process.
 */

#ifndef _INCLUDE__BASE__INTERNAL__ENV_PLATFORM_H_
#define _INCLUDE__BASE__INTERNAL__ENV_PLATFORM_H_

#include <stddef.h>

#include <base/env.h>
#include <parent/rpc.h>

/*
 * Generic, called once by the platform's entry, single-threaded: create
 * the entrypoint and open, through parent (OWNED by the environment from
 * now on; invalid when started by hand), the LOG, RAM, CPU, RM and SIGNAL
 * sessions and the "config" ROM. A refused session is logged and left
 * invalid; without an entrypoint the process ends with exit value 1.
 */
struct env *env_start(parent_cap_t parent);

/*
 * Platform: the component's process entry, from start to env_serve; never
 * returns. Called by the platform's own main, or, in a libc component,
 * by the C runtime's wrapped main (libports/libc/env/start.c) once musl
 * has started the process: a libc program has a main of its own.
 * Linux: base-linux/component/main.c.
 */
int component_platform_main(int argc, char **argv);

/* generic: run component_construct, then serve the entrypoint until env_exit */
void env_serve(struct env *env);

/*
 * Platform: write text (len bytes, one whole line ending in '\n') where
 * the parent sees the process's stray output (Linux: stdout, a pipe core
 * relays as "[label] text"). Used before the LOG session exists or when
 * it broke. Must not block forever and must not fail loudly: nothing is
 * left to report to.
 */
void env_platform_log_fallback(const char *text, size_t len);

/*
 * Platform: end the calling process, all its threads, at once. value's
 * low byte is the exit value the platform may report; the parent already
 * knows value (parent exit) when there is a parent.
 */
_Noreturn void env_platform_exit(int value);

#endif /* _INCLUDE__BASE__INTERNAL__ENV_PLATFORM_H_ */
