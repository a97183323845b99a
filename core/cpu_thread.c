/*
 * \brief  core's thread objects: one per thread of a CPU session
 *
 * As in Genode, a thread is named by a capability of its own (the
 * interface cpu_thread): the session hands it out at create_thread and
 * accepts it back at kill_thread only if it is one of its own threads
 * (cap_same against the session's records), so a thread of another
 * session or an object the client made itself is refused. Each record is
 * paid with CPU_SESSION_THREAD_COST of its session's quota, which covers
 * the record and the one caller line of its object (the thread itself,
 * binding). How a kernel thread is bound to its object, and how the
 * session's priority reaches it, is the platform's
 * (platform_cpu_thread_bind).
 */

#include <cpu_thread/server.h>
#include <util/string.h>

#include <cpu_session/priority.h>
#include "core_main.h"
#include "cpu_session.h"
#include "platform.h"

/*
 * Core's threads of all sessions together; each session's quota bounds its
 * share, this bounds core's descriptors (three per live thread on Linux:
 * the object's two socket ends and the thread's line).
 */
enum { CPU_THREADS_MAX = 512 };

struct cpu_thread {
	bool used;
	bool bound; /* a kernel thread is bound to it */
	struct rpc_object rpc;
	cpu_thread_cap_t cap;        /* OWNED; the client got a copy */
	struct cpu_session *session; /* BORROWED: the session outlives its threads */
	char name[CPU_SESSION_CREATE_THREAD_NAME_MAX + 1];
};

_Static_assert(sizeof(struct cpu_thread) + RPC_OBJECT_CALLER_COST <= CPU_SESSION_THREAD_COST,
               "a thread's charge does not cover core's record of it");

static struct entrypoint *thread_ep;
static struct cpu_thread threads[CPU_THREADS_MAX];

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
		if (log_limit_admit(&s->refusals, s->label))
			log_warning(
			        "CPU thread \"%s\" of \"%s\" not bound to kernel thread %llu: %s",
			        t->name, s->label, (unsigned long long)kernel_id, status_name(st));
		return st;
	}
	t->bound = true;
	if (core_verbose)
		log_print("CPU thread \"%s\" of \"%s\": %s", t->name, s->label, how);
	return STATUS_OK;
}

static const struct cpu_thread_ops thread_ops = {.bind = thread_bind};

static struct cpu_thread *
record_alloc(struct cpu_session *s)
{
	for (unsigned i = 0; i < CPU_THREADS_MAX; i++)
		if (!threads[i].used)
			return &threads[i];
	/* a client can ask in a loop: its refusals are rate-limited like the others */
	if (log_limit_admit(&s->refusals, s->label))
		log_error("CPU \"%s\": all %u thread records of core in use", s->label,
		          CPU_THREADS_MAX);
	return 0;
}

status_t
cpu_thread_create(struct cpu_session *s, const char *name, cpu_thread_cap_t *thread)
{
	if (s->quota - s->charged < CPU_SESSION_THREAD_COST) {
		if (log_limit_admit(&s->refusals, s->label))
			log_warning("CPU \"%s\": quota exceeded: thread \"%s\" needs %u bytes, "
			            "available %llu of ram_quota %llu (%u threads)",
			            s->label, name, CPU_SESSION_THREAD_COST,
			            (unsigned long long)(s->quota - s->charged),
			            (unsigned long long)s->quota, (unsigned)s->threads);
		return STATUS_QUOTA_EXCEEDED;
	}
	struct cpu_thread *t = record_alloc(s);
	if (!t)
		return STATUS_OUT_OF_MEMORY;
	*t = (struct cpu_thread){.session = s, .rpc = {.max_callers = 1}};
	str_copy(t->name, name, sizeof(t->name));
	status_t st = cpu_thread_manage(thread_ep, &t->rpc, &thread_ops, t, &t->cap);
	if (st != STATUS_OK)
		return st;
	t->used = true;
	s->charged += CPU_SESSION_THREAD_COST;
	s->threads++;
	*thread = t->cap;
	return STATUS_OK;
}

static void
record_free(struct cpu_thread *t)
{
	entrypoint_dissolve(thread_ep, &t->rpc);
	cap_close(cap_raw(t->cap));
	t->session->charged -= CPU_SESSION_THREAD_COST;
	t->session->threads--;
	t->used = false;
}

status_t
cpu_thread_kill(struct cpu_session *s, cpu_thread_cap_t thread)
{
	struct cpu_thread *found = 0;
	for (unsigned i = 0; i < CPU_THREADS_MAX && !found; i++)
		if (threads[i].used && threads[i].session == s &&
		    cap_same(cap_raw(threads[i].cap), cap_raw(thread)))
			found = &threads[i];
	cap_close(cap_raw(thread));
	if (!found) {
		if (log_limit_admit(&s->refusals, s->label))
			log_warning("CPU \"%s\": kill_thread of a capability that is no thread "
			            "of this session",
			            s->label);
		return STATUS_INVALID_ARGS;
	}
	record_free(found);
	return STATUS_OK;
}

void
cpu_thread_kill_all(struct cpu_session *s)
{
	for (unsigned i = 0; i < CPU_THREADS_MAX; i++)
		if (threads[i].used && threads[i].session == s)
			record_free(&threads[i]);
}

void
cpu_thread_service_init(struct entrypoint *ep)
{
	thread_ep = ep;
}
