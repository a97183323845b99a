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
 * Each costs CPU_SESSION_THREAD_COST of the session's budget (what the
 * session object leaves of ram_quota, include/root/component.h) until
 * kill_thread or the close; an upgrade buys more. Without the charge one
 * client could create threads without end and make core account for all
 * of them.
 */

#include <cpu_session/server.h>
#include <util/string.h>

#include <cpu_session/priority.h>
#include "core_heap.h"
#include "core_main.h"
#include "cpu_session.h"
#include "platform.h"

static struct entrypoint *cpu_ep;
static struct root_component cpu_root;

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
cpu_of(struct root_session *base)
{
	return base ? ROOT_SESSION_ENTRY(base, struct cpu_session, base) : 0;
}

static status_t
cpu_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	(void)ctx;
	struct cpu_session *s = cpu_of(base);
	uint64_t logical = 0;
	if (arg_string_get_u64(args, "priority", 0, &logical) != STATUS_OK) {
		log_error("CPU session for \"%s\": malformed priority argument", base->label);
		return STATUS_INVALID_ARGS;
	}
	/* init_priority_platform_10_02 clamps values beyond the logical range */
	s->priority = init_priority_platform_10_02(logical, INIT_PRIORITY_PLATFORM_LEVELS_10_02);
	cap_index_init(&s->thread_index);
	cpu_session_cap_t cap;
	status_t st = cpu_session_manage(cpu_ep, &s->rpc, &cpu_ops, s, &cap);
	if (st != STATUS_OK)
		return st;
	base->cap = cap_raw(cap);
	if (core_verbose)
		log_print("CPU session \"%s\" priority %u", base->label, (unsigned)s->priority);
	return STATUS_OK;
}

static void
cpu_destroy(void *ctx, struct root_session *base)
{
	(void)ctx;
	struct cpu_session *s = cpu_of(base);
	log_limit_flush(&s->refusals, base->label);
	cpu_thread_kill_all(s);
	entrypoint_dissolve(cpu_ep, &s->rpc);
}

static const struct root_component_ops cpu_root_ops = {
        .create = cpu_create,
        .destroy = cpu_destroy,
};

bool
core_cpu_session_priority(cap_t session, uint32_t *priority, uint32_t *limit)
{
	const struct cpu_session *s = cpu_of(root_component_lookup(&cpu_root, session));
	if (!s)
		return false;
	*priority = s->priority;
	*limit = INIT_PRIORITY_PLATFORM_LEVELS_10_02;
	return true;
}

struct core_service core_cpu_service = {
        .name = "CPU",
        .sessions = &cpu_root,
};

unsigned
core_cpu_report(void)
{
	unsigned threads = 0;
	for (struct root_session *b = root_component_first(&cpu_root); b;
	     b = root_session_next(b)) {
		const struct cpu_session *s = cpu_of(b);
		log_print("  CPU \"%s\": priority %u, threads %u, quota %llu, used %llu", b->label,
		          (unsigned)s->priority, (unsigned)s->threads, (unsigned long long)b->quota,
		          (unsigned long long)b->used);
		threads += s->threads;
	}
	return threads;
}

void
core_cpu_limits_tick(void)
{
	for (struct root_session *b = root_component_first(&cpu_root); b; b = root_session_next(b))
		log_limit_tick(&cpu_of(b)->refusals, b->label);
}

void
core_cpu_service_init(struct entrypoint *ep)
{
	cpu_ep = ep;
	root_component_init(&cpu_root, "CPU", sizeof(struct cpu_session), &cpu_root_ops, 0,
	                    core_heap());
	cpu_thread_service_init(ep);
}
