/*
 * \brief  test-hostile-log: threads at core until refused, and floods of refusals
 */

#include <base/log.h>
#include <cpu_session/client.h>
#include <cpu_session/connection.h>
#include <parent/client.h>

#include "hostile_log.h"

/* far beyond any quota a test gives; a core without the bound accepts them all */
enum { THREADS_TRY_MAX = 100000 };

/* register threads until core refuses; returns how many it took */
static unsigned
threads_register(struct env *env, status_t *last)
{
	unsigned n = 0;
	cpu_thread_cap_t thread;
	*last = STATUS_OK;
	while (n < THREADS_TRY_MAX &&
	       (*last = cpu_session_create_thread(env_cpu(env), "hostile", &thread)) == STATUS_OK) {
		cap_close(cap_raw(thread)); /* core keeps the object and its charge */
		n++;
	}
	return n;
}

void
hostile_log_threads(struct env *env)
{
	status_t last;
	unsigned n = threads_register(env, &last);
	log_print("threads: %u registered, then %s", n, status_name(last));
	status_t s = env_upgrade(env, cap_raw(env_cpu(env)), 10 * CPU_SESSION_THREAD_COST);
	if (s != STATUS_OK)
		log_error("threads: upgrade refused: %s", status_name(s));
	n = threads_register(env, &last);
	log_print("threads: %u more after an upgrade of %u bytes, then %s", n,
	          10 * CPU_SESSION_THREAD_COST, status_name(last));
	unsigned refused = 0;
	cpu_thread_cap_t thread;
	for (unsigned i = 0; i < HOSTILE_LOG_FLOOD; i++) {
		status_t s2 = cpu_session_create_thread(env_cpu(env), "flood", &thread);
		refused += s2 == STATUS_QUOTA_EXCEEDED;
		if (s2 == STATUS_OK)
			cap_close(cap_raw(thread));
	}
	log_print("threads: flood of %u registrations, %u refused", (unsigned)HOSTILE_LOG_FLOOD,
	          refused);
}

/* count the requests of service with args that are refused with want */
static unsigned
flood(struct env *env, const char *service, const char *args, status_t want)
{
	unsigned refused = 0;
	for (unsigned i = 0; i < HOSTILE_LOG_FLOOD / 2; i++) {
		cap_t raw = cap_invalid();
		status_t s = parent_session(env_parent(env), service, args, &raw);
		refused += s == want;
		if (s == STATUS_OK)
			cap_close(raw);
	}
	log_print("flood: %u requests for \"%s\", %u refused", (unsigned)HOSTILE_LOG_FLOOD / 2,
	          service, refused);
	return refused;
}

/*
 * init refuses a service without a route itself; a CPU session too small
 * for core's state it forwards, and core refuses it
 */
void
hostile_log_flood(struct env *env)
{
	unsigned refused = flood(env, "Nothing", "ram_quota=4K", STATUS_DENIED);
	refused += flood(env, "CPU", "ram_quota=1, priority=0x0", STATUS_QUOTA_EXCEEDED);
	log_print("flood: %u requests, %u refused", (unsigned)HOSTILE_LOG_FLOOD, refused);
}
