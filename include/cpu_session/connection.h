/*
 * \brief  Opening a CPU session through the parent
 */

#ifndef _INCLUDE__CPU_SESSION__CONNECTION_H_
#define _INCLUDE__CPU_SESSION__CONNECTION_H_

#include <cpu_session/client.h>
#include <parent/client.h>
#include <util/format.h>

enum { CPU_SESSION_ARGS_MAX = 64 };

/*
 * What core charges per thread (create_thread, back at kill_thread): its
 * record of the thread object and the object's one caller line (checked
 * at compile time in core/cpu_thread.c). The session's ram_quota minus
 * core's per-session state, divided by this, is how many threads it
 * holds at once; an upgrade of 2560 bytes buys exactly 10 more.
 */
#define CPU_SESSION_THREAD_COST 256u

/* what a CPU session donates: core's session state and a few threads (init gives a child's the
 * same) */
#define CPU_SESSION_RAM_QUOTA "4K"

/*
 * Open a CPU session at logical priority (0 is the highest; the parents
 * on the way move it into their child's band). *cpu is OWNED by the caller.
 */
static inline status_t
cpu_connection_open(parent_cap_t parent, uint32_t priority, cpu_session_cap_t *cpu)
{
	char args[CPU_SESSION_ARGS_MAX];
	cap_t raw = cap_invalid();
	format_string(args, sizeof(args), "ram_quota=" CPU_SESSION_RAM_QUOTA ", priority=0x%x",
	              (unsigned)priority);
	status_t s = parent_session(parent, "CPU", args, &raw);
	*cpu = CAP_TYPED(cpu_session_cap_t, raw);
	return s;
}

#endif /* _INCLUDE__CPU_SESSION__CONNECTION_H_ */
