/*
 * \brief  core's CPU service: a session per component, at the priority
 *         its parents granted
 *
 * The session argument 'priority' is a logical value (0 the highest,
 * below 2^16) that every init on the way has moved into its child's band.
 * core maps it to the platform's 128 levels with Genode 10.02's formula
 * (init_priority_platform_10_02), so the figures of the 10.02 release
 * notes come out unchanged, and lets the platform apply it to each thread
 * a component binds (doc/priorities.md).
 *
 * Threads are objects of their own, named by capability (cpu_thread.c).
 * Each costs CPU_SESSION_THREAD_COST of the session's donation (what the
 * session's state leaves of ram_quota) until kill_thread or the close;
 * an upgrade buys more. Without the charge one client could create
 * threads without end and make core account for all of them.
 */

#include <cpu_session/server.h>
#include <util/string.h>

#include <cpu_session/priority.h>
#include "core_main.h"
#include "cpu_session.h"
#include "platform.h"

enum { CPU_SESSIONS_MAX = 128 };

static struct entrypoint *cpu_ep;
static struct cpu_session sessions[CPU_SESSIONS_MAX];

static status_t
cpu_create_thread(void *ctx, struct rpc_call *call, const char *name, cpu_thread_cap_t *thread)
{
	(void)call;
	return cpu_thread_create(ctx, name, thread);
}

static status_t
cpu_kill_thread(void *ctx, struct rpc_call *call, cpu_thread_cap_t thread)
{
	(void)call;
	return cpu_thread_kill(ctx, thread);
}

static status_t
cpu_priority(void *ctx, struct rpc_call *call, uint32_t *priority)
{
	(void)call;
	*priority = ((struct cpu_session *)ctx)->priority;
	return STATUS_OK;
}

static const struct cpu_session_ops cpu_ops = {
        .create_thread = cpu_create_thread,
        .kill_thread = cpu_kill_thread,
        .priority = cpu_priority,
};

static struct cpu_session *
session_alloc(const char *label)
{
	for (unsigned i = 0; i < CPU_SESSIONS_MAX; i++)
		if (!sessions[i].used)
			return &sessions[i];
	log_error("CPU session for \"%s\": all %u sessions in use", label, CPU_SESSIONS_MAX);
	return 0;
}

static status_t
cpu_create(const struct arg_string *args, const char *label, cap_t *session)
{
	uint64_t logical = 0;
	if (arg_string_get_u64(args, "priority", 0, &logical) != STATUS_OK) {
		log_error("CPU session for \"%s\": malformed priority argument", label);
		return STATUS_INVALID_ARGS;
	}
	uint64_t donated = 0;
	/* session_quota_check made sure that it parses and covers the session */
	(void)arg_string_get_size(args, "ram_quota", 0, &donated);
	struct cpu_session *s = session_alloc(label);
	if (!s)
		return STATUS_OUT_OF_MEMORY;
	*s = (struct cpu_session){0};
	s->quota = donated - core_cpu_service.session_size -
	           RPC_OBJECT_CALLERS_DEFAULT * RPC_OBJECT_CALLER_COST;
	/* init_priority_platform_10_02 clamps values beyond the logical range */
	s->priority = init_priority_platform_10_02(logical, INIT_PRIORITY_PLATFORM_LEVELS_10_02);
	str_copy(s->label, label, sizeof(s->label));
	status_t st = cpu_session_manage(cpu_ep, &s->rpc, &cpu_ops, s, &s->cap);
	if (st != STATUS_OK)
		return st;
	s->used = true;
	if (core_verbose)
		log_print("CPU session \"%s\" priority %u", label, (unsigned)s->priority);
	*session = cap_raw(s->cap);
	return STATUS_OK;
}

static bool
cpu_close(cap_t session)
{
	for (unsigned i = 0; i < CPU_SESSIONS_MAX; i++) {
		struct cpu_session *s = &sessions[i];
		if (s->used && cap_same(cap_raw(s->cap), session)) {
			log_limit_flush(&s->refusals, s->label);
			cpu_thread_kill_all(s);
			entrypoint_dissolve(cpu_ep, &s->rpc);
			cap_close(cap_raw(s->cap));
			s->used = false;
			return true;
		}
	}
	return false;
}

static bool
cpu_upgrade(cap_t session, uint64_t amount)
{
	for (unsigned i = 0; i < CPU_SESSIONS_MAX; i++) {
		struct cpu_session *s = &sessions[i];
		if (s->used && cap_same(cap_raw(s->cap), session)) {
			/* an upgrade pays for more threads */
			s->quota = s->quota + amount < s->quota ? UINT64_MAX : s->quota + amount;
			return true;
		}
	}
	return false;
}

bool
core_cpu_session_priority(cap_t session, uint32_t *priority, uint32_t *limit)
{
	for (unsigned i = 0; i < CPU_SESSIONS_MAX; i++) {
		const struct cpu_session *s = &sessions[i];
		if (s->used && cap_same(cap_raw(s->cap), session)) {
			*priority = s->priority;
			*limit = INIT_PRIORITY_PLATFORM_LEVELS_10_02;
			return true;
		}
	}
	return false;
}

struct core_service core_cpu_service = {
        .name = "CPU",
        .session_size = sizeof(struct cpu_session),
        .create = cpu_create,
        .close = cpu_close,
        .upgrade = cpu_upgrade,
};

unsigned
core_cpu_report(void)
{
	unsigned threads = 0;
	for (unsigned i = 0; i < CPU_SESSIONS_MAX; i++) {
		const struct cpu_session *s = &sessions[i];
		if (!s->used)
			continue;
		log_print("  CPU \"%s\": priority %u, threads %u, quota %llu, used %llu", s->label,
		          (unsigned)s->priority, (unsigned)s->threads, (unsigned long long)s->quota,
		          (unsigned long long)s->charged);
		threads += s->threads;
	}
	return threads;
}

void
core_cpu_limits_tick(void)
{
	for (unsigned i = 0; i < CPU_SESSIONS_MAX; i++)
		if (sessions[i].used)
			log_limit_tick(&sessions[i].refusals, sessions[i].label);
}

void
core_cpu_service_init(struct entrypoint *ep)
{
	cpu_ep = ep;
	cpu_thread_service_init(ep);
}
