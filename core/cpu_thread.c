/*
 * \brief  core's thread objects: one per thread of a CPU session
 *
 * As in Genode, a thread is named by a capability of its own (the
 * interface cpu_thread): the session hands it out at create_thread and
 * accepts it back at kill_thread only if it is one of its own threads
 * (found in the session's index of its threads), so a thread of another
 * session or an object the client made itself is refused. Each record is
 * paid with CPU_SESSION_THREAD_COST of its session's budget, which covers
 * the record's slot and the one caller line of its object (the thread
 * itself, binding); there is no limit but that. How a kernel thread is
 * bound to its object, and how the session's priority reaches it, is the
 * platform's (platform_cpu_thread_bind).
 */

#include <base/slab.h>
#include <cpu_thread/server.h>
#include <util/string.h>

#include <cpu_session/priority.h>
#include "core_main.h"
#include "cpu_session.h"
#include "platform.h"

struct cpu_thread {
	struct cap_index_entry entry; /* in its session's thread_index */
	struct rpc_object rpc;
	cpu_thread_cap_t cap;        /* OWNED; the client got a copy */
	struct cpu_session *session; /* BORROWED: the session outlives its threads */
	bool bound;                  /* a kernel thread is bound to it */
	char name[CPU_SESSION_CREATE_THREAD_NAME_MAX + 1];
};

/* the records are of one size: a slab takes less of the charge than a heap block */
_Static_assert(SLAB_SLOT_COST(sizeof(struct cpu_thread)) + RPC_OBJECT_CALLER_COST <=
                       CPU_SESSION_THREAD_COST,
               "a thread's charge does not cover core's record of it");

static struct entrypoint *thread_ep;
static struct slab thread_slab; /* every session's records; each paid by its session */

static status_t
thread_bind(void *ctx, struct rpc_call *call, uint64_t kernel_id)
{
	struct cpu_thread *t = ctx;
	struct cpu_session *s = t->session;
	if (t->bound)
		return STATUS_CONFLICT;
	char how[CPU_APPLIED_MAX] = "";
	status_t st =
	        platform_cpu_thread_bind(call, kernel_id, s->priority,
	                                 INIT_PRIORITY_PLATFORM_LEVELS_10_02, how, sizeof(how));
	if (st != STATUS_OK) {
		if (log_limit_admit(&s->refusals, s->base.label))
			log_warning(
			        "CPU thread \"%s\" of \"%s\" not bound to kernel thread %llu: %s",
			        t->name, s->base.label, (unsigned long long)kernel_id,
			        status_name(st));
		return st;
	}
	t->bound = true;
	if (core_verbose)
		log_print("CPU thread \"%s\" of \"%s\": %s", t->name, s->base.label, how);
	return STATUS_OK;
}

static const struct cpu_thread_ops thread_ops = {.bind = thread_bind};

/* charge s for a thread; a client can ask in a loop: its refusals are rate-limited */
static status_t
thread_charge(struct cpu_session *s, const char *name)
{
	if (root_session_charge(&s->base, CPU_SESSION_THREAD_COST) == STATUS_OK)
		return STATUS_OK;
	if (log_limit_admit(&s->refusals, s->base.label)) {
		char figures[128];
		root_session_shortfall(&s->base, CPU_SESSION_THREAD_COST, figures, sizeof(figures));
		log_warning("CPU \"%s\": quota exceeded: thread \"%s\" %s (%u threads, the session "
		            "itself %lu bytes)",
		            s->base.label, name, figures, (unsigned)s->threads,
		            (unsigned long)root_component_session_cost(s->base.root));
	}
	return STATUS_QUOTA_EXCEEDED;
}

static status_t
thread_setup(struct cpu_thread *t, struct cpu_session *s, const char *name)
{
	*t = (struct cpu_thread){.session = s, .rpc = {.max_callers = 1}};
	str_copy(t->name, name, sizeof(t->name));
	status_t st = cpu_thread_manage(thread_ep, &t->rpc, &thread_ops, t, &t->cap);
	if (st != STATUS_OK)
		return st;
	st = cap_index_insert(&s->thread_index, &t->entry, cap_raw(t->cap));
	if (st != STATUS_OK) {
		entrypoint_dissolve(thread_ep, &t->rpc);
		cap_close(cap_raw(t->cap));
	}
	return st;
}

status_t
cpu_thread_create(struct cpu_session *s, const char *name, cpu_thread_cap_t *thread)
{
	status_t st = thread_charge(s, name);
	if (st != STATUS_OK)
		return st;
	void *mem = 0;
	st = slab_alloc(&thread_slab, &mem);
	if (st == STATUS_OK) {
		st = thread_setup(mem, s, name);
		if (st != STATUS_OK)
			(void)slab_free(&thread_slab, mem);
	}
	if (st != STATUS_OK) {
		log_error("CPU \"%s\": thread \"%s\" not created: %s", s->base.label, name,
		          status_name(st));
		root_session_refund(&s->base, CPU_SESSION_THREAD_COST);
		return st;
	}
	s->threads++;
	*thread = ((struct cpu_thread *)mem)->cap;
	return STATUS_OK;
}

static void
record_free(struct cpu_thread *t)
{
	struct cpu_session *s = t->session;
	cap_index_remove(&s->thread_index, &t->entry);
	entrypoint_dissolve(thread_ep, &t->rpc);
	cap_close(cap_raw(t->cap));
	(void)slab_free(&thread_slab, t);
	root_session_refund(&s->base, CPU_SESSION_THREAD_COST);
	s->threads--;
}

status_t
cpu_thread_kill(struct cpu_session *s, cpu_thread_cap_t thread)
{
	struct cap_index_entry *e = cap_index_lookup(&s->thread_index, cap_raw(thread));
	cap_close(cap_raw(thread));
	if (!e) {
		if (log_limit_admit(&s->refusals, s->base.label))
			log_warning("CPU \"%s\": kill_thread of a capability that is no thread "
			            "of this session",
			            s->base.label);
		return STATUS_INVALID_ARGS;
	}
	record_free(CAP_INDEX_ENTRY(e, struct cpu_thread, entry));
	return STATUS_OK;
}

void
cpu_thread_kill_all(struct cpu_session *s)
{
	struct cap_index_entry *e;
	while ((e = cap_index_first(&s->thread_index)) != 0)
		record_free(CAP_INDEX_ENTRY(e, struct cpu_thread, entry));
}

static status_t
slab_chunk_alloc(void *ctx, size_t size, void **addr)
{
	(void)ctx;
	return platform_chunk_alloc(size, addr);
}

static void
slab_chunk_free(void *ctx, void *addr, size_t size)
{
	(void)ctx;
	platform_chunk_free(addr, size);
}

void
cpu_thread_service_init(struct entrypoint *ep)
{
	const struct heap_backing backing = {.alloc_chunk = slab_chunk_alloc,
	                                     .free_chunk = slab_chunk_free};
	thread_ep = ep;
	/* the size is a constant within the slab's range: cannot fail */
	(void)slab_init(&thread_slab, sizeof(struct cpu_thread), &backing);
}
