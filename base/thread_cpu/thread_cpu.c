/*
 * \brief  A component's threads as thread objects of its CPU session
 *
 * Nothing here knows the kernel: the thread library calls these hooks
 * (base/internal/thread_cpu.h), they call core through the CPU session
 * and the thread's cpu_thread capability, and only the kernel thread's id
 * comes from the platform (platform_thread_kernel_id). A session out of
 * quota is upgraded through the parent, as Genode's thread creation
 * does, in steps of THREAD_CPU_UPGRADE_THREADS threads.
 */

#include <base/env.h>
#include <base/internal/thread_context.h>
#include <base/internal/thread_cpu.h>
#include <base/log.h>
#include <cpu_session/client.h>
#include <cpu_session/connection.h>
#include <cpu_thread/client.h>

enum { THREAD_CPU_UPGRADE_THREADS = 8 };

static struct env *cpu_env;                                /* BORROWED for the process's life */
static cpu_thread_cap_t main_thread = {{CAP_SEL_INVALID}}; /* OWNED until the process ends */

/* a thread object of the CPU session; *out OWNED by the caller */
static status_t
object_create(const char *name, cpu_thread_cap_t *out)
{
	cpu_session_cap_t cpu = env_cpu(cpu_env);
	status_t s = cpu_session_create_thread(cpu, name, out);
	if (s != STATUS_QUOTA_EXCEEDED)
		return s;
	s = env_upgrade(cpu_env, cap_raw(cpu),
	                THREAD_CPU_UPGRADE_THREADS * CPU_SESSION_THREAD_COST);
	return s == STATUS_OK ? cpu_session_create_thread(cpu, name, out) : STATUS_QUOTA_EXCEEDED;
}

/*
 * A kernel id of 0 is a platform's "nothing to bind": its priorities are
 * core's business per process (GNU Mach: the task's priority, which every
 * thread of the task has), so there is no warning to give either.
 */
static void
object_bind(cpu_thread_cap_t thread, const char *name)
{
	uint64_t kernel_id = platform_thread_kernel_id();
	if (kernel_id == 0)
		return;
	status_t s = cpu_thread_bind(thread, kernel_id);
	if (s != STATUS_OK)
		log_warning("thread \"%s\" runs without its priority: %s", name, status_name(s));
}

static status_t
hook_create(struct thread *t)
{
	cpu_thread_cap_t cap = CAP_TYPED_INVALID(cpu_thread_cap_t);
	status_t s = object_create(t->name, &cap);
	if (s != STATUS_OK)
		log_error("thread \"%s\": no thread at core: %s", t->name, status_name(s));
	t->cpu = cap_raw(cap);
	return s;
}

static void
hook_bind(struct thread *t)
{
	object_bind(CAP_TYPED(cpu_thread_cap_t, t->cpu), t->name);
}

static void
hook_destroy(struct thread *t)
{
	cpu_thread_cap_t cap = CAP_TYPED(cpu_thread_cap_t, t->cpu);
	status_t s = cpu_session_kill_thread(env_cpu(cpu_env), cap);
	if (s != STATUS_OK)
		log_warning("thread \"%s\": kill_thread at core: %s", t->name, status_name(s));
	cap_close(t->cpu);
	t->cpu = cap_invalid();
}

static const struct thread_cpu_hooks hooks = {
        .create = hook_create,
        .bind = hook_bind,
        .destroy = hook_destroy,
};

void
thread_cpu_env_init(struct env *env)
{
	cpu_env = env;
	status_t s = object_create("main", &main_thread);
	if (s != STATUS_OK) {
		log_error("main thread: no thread at core: %s", status_name(s));
		return;
	}
	object_bind(main_thread, "main");
	thread_cpu_hooks_set(&hooks);
}
