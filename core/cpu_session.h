/*
 * \brief  core's CPU session and its threads, shared by cpu_service.c
 *         (sessions) and cpu_thread.c (thread objects)
 */

#ifndef _CORE__CPU_SESSION_H_
#define _CORE__CPU_SESSION_H_

#include <base/log.h>
#include <base/rpc_server.h>
#include <cpu_session/connection.h>
#include <cpu_thread/rpc.h>

#include "core_service.h"

struct cpu_session {
	struct root_session base; /* label, capability, donation */
	struct rpc_object rpc;
	uint32_t priority;             /* platform priority, 0 .. CPU_PLATFORM_LEVELS */
	uint32_t threads;              /* thread objects alive */
	struct cap_index thread_index; /* its thread objects, by capability */
	struct rate_limit refusals;
};

/* the entrypoint that serves the thread objects too */
void cpu_thread_service_init(struct entrypoint *ep);

/*
 * A new thread object of s called name, charged to s's budget; *thread
 * is BORROWED (core keeps the object's capability, the reply copies it).
 * STATUS_QUOTA_EXCEEDED if s cannot pay, STATUS_OUT_OF_MEMORY if core has
 * no memory left (both logged).
 */
status_t cpu_thread_create(struct cpu_session *s, const char *name, cpu_thread_cap_t *thread);

/*
 * Free the thread object of s that thread (CONSUMED) names and return its
 * charge; STATUS_INVALID_ARGS if it names none of s's threads (another
 * session's, a forged one, anything else).
 */
status_t cpu_thread_kill(struct cpu_session *s, cpu_thread_cap_t thread);

/* free every thread object of s (its close) */
void cpu_thread_kill_all(struct cpu_session *s);

#endif /* _CORE__CPU_SESSION_H_ */
