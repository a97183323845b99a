/*
 * \brief  A component's environment
 *
 * The environment is what a component's parent gave it: the parent itself
 * and the sessions opened on its behalf (LOG for its log lines, CPU for
 * its threads, ROM "config"). It is owned by the framework and lives as long as the
 * component; functions here only borrow it.
 */

#ifndef _INCLUDE__BASE__ENV_H_
#define _INCLUDE__BASE__ENV_H_

#include <stddef.h>

#include <base/heap.h>
#include <base/status.h>
#include <cpu_session/rpc.h>
#include <parent/rpc.h>
#include <ram_session/rpc.h>
#include <rm_session/rpc.h>

struct env;
struct entrypoint;

/*
 * The component's "config" ROM module as text. STATUS_NOT_FOUND if the
 * parent provides none. The text stays valid and read-only for the life
 * of the component.
 */
status_t env_config(struct env *env, const char **text, size_t *len);

/*
 * The capability of the component's parent, BORROWED from the
 * environment (invalid if the component was started by hand).
 */
parent_cap_t env_parent(struct env *env);

/*
 * The component's entrypoint: objects managed here are served by the
 * framework's main loop once component_construct returned.
 */
struct entrypoint *env_ep(struct env *env);

/*
 * The component's environment RAM session, BORROWED: its quota is what
 * the parent gave the component (invalid if started by hand).
 */
ram_session_cap_t env_ram(struct env *env);

/*
 * The component's heap: every chunk is a RAM dataspace of env_ram, so
 * heap_alloc(env_heap(env), size, &ptr) is charged to the component's
 * quota and returns STATUS_QUOTA_EXCEEDED (not a crash) when it runs out.
 */
struct heap *env_heap(struct env *env);

/*
 * The component's CPU session, opened through the parent at start-up
 * with priority 0 (the top of whatever band the parents granted), BORROWED
 * from the environment; invalid without a parent or if the parent refused.
 */
cpu_session_cap_t env_cpu(struct env *env);

/*
 * The component's RM session at core, opened through the parent at
 * start-up (Genode's Env::rm_session), BORROWED from the environment;
 * invalid without a parent or if the parent refused. On Linux the
 * process's own mappings are made by the local region map
 * (base/local_rm.h), not by core: this session is a region map the
 * component may fill and hand on, like any other RM session.
 */
rm_session_cap_t env_rm(struct env *env);

/* report value to the parent (parent exit) and end the component */
_Noreturn void env_exit(struct env *env, int value);

#endif /* _INCLUDE__BASE__ENV_H_ */
