/*
 * \brief  test-cpu_thread: threads named by capability at core
 *
 * A CPU session accepts back only capabilities of its own threads: a
 * thread of a second session, an object the component made itself typed
 * as a thread, the session's own capability, and a thread already killed
 * are each refused by kill_thread. A thread binds once, only to a kernel
 * thread of the caller's process. Killing a thread returns its quota:
 * once the second session is full, a kill makes room for exactly one
 * more. Last, a thread the framework creates gets its object and binds
 * itself (run/cpu_thread.run reads core's verbose line for it).
 */

#include <base/component.h>
#include <base/entrypoint.h>
#include <base/internal/thread_cpu.h>
#include <base/log.h>
#include <base/thread.h>
#include <cpu_session/client.h>
#include <cpu_session/connection.h>
#include <cpu_thread/client.h>
#include <cpu_thread/server.h>
#include <test/expect.h>

enum { THREADS_TRY_MAX = 1000, NOBODY_KERNEL_ID = 1000000000u };

static status_t
forged_bind(void *ctx, struct rpc_call *call, uint64_t kernel_id)
{
	(void)ctx, (void)call, (void)kernel_id;
	return STATUS_OK;
}

static const struct cpu_thread_ops forged_ops = {.bind = forged_bind};
static struct rpc_object forged_obj;

/* every capability that is not one of cpu's threads is refused */
static void
foreign_refused(struct env *env, cpu_session_cap_t cpu, cpu_session_cap_t other)
{
	cpu_thread_cap_t theirs, forged, own;
	if (EXPECT_OK(cpu_session_create_thread(other, "theirs", &theirs))) {
		EXPECT_STATUS(cpu_session_kill_thread(cpu, theirs), STATUS_INVALID_ARGS);
		EXPECT_OK(cpu_session_kill_thread(other, theirs)); /* still alive there */
		cap_close(cap_raw(theirs));
	}
	if (EXPECT_OK(cpu_thread_manage(env_ep(env), &forged_obj, &forged_ops, 0, &forged))) {
		EXPECT_STATUS(cpu_session_kill_thread(cpu, forged), STATUS_INVALID_ARGS);
		entrypoint_dissolve(env_ep(env), &forged_obj);
		cap_close(cap_raw(forged));
	}
	/* the session's own capability, typed as a thread */
	EXPECT_STATUS(cpu_session_kill_thread(cpu, CAP_TYPED(cpu_thread_cap_t, cap_raw(cpu))),
	              STATUS_INVALID_ARGS);
	if (EXPECT_OK(cpu_session_create_thread(cpu, "once", &own))) {
		EXPECT_OK(cpu_session_kill_thread(cpu, own));
		EXPECT_STATUS(cpu_session_kill_thread(cpu, own), STATUS_INVALID_ARGS);
		cap_close(cap_raw(own));
	}
	log_print("foreign threads: refused");
}

/* bind: only a kernel thread of this process, only once */
static void
bind_checked(cpu_session_cap_t cpu)
{
	cpu_thread_cap_t t;
	if (!EXPECT_OK(cpu_session_create_thread(cpu, "bound", &t)))
		return;
	EXPECT_STATUS(cpu_thread_bind(t, NOBODY_KERNEL_ID), STATUS_NOT_FOUND);
	EXPECT_STATUS(cpu_thread_bind(t, 0), STATUS_NOT_FOUND);
	EXPECT_OK(cpu_thread_bind(t, platform_thread_kernel_id()));
	EXPECT_STATUS(cpu_thread_bind(t, platform_thread_kernel_id()), STATUS_CONFLICT);
	EXPECT_OK(cpu_session_kill_thread(cpu, t));
	EXPECT_STATUS(cpu_thread_bind(t, platform_thread_kernel_id()), STATUS_INVALID_CAP);
	cap_close(cap_raw(t));
	log_print("bind: own thread once, nobody else's");
}

/* fill other; a kill makes room for exactly one more */
static void
quota_returned(cpu_session_cap_t other)
{
	static cpu_thread_cap_t held[THREADS_TRY_MAX];
	unsigned n = 0;
	status_t s = STATUS_OK;
	while (n < THREADS_TRY_MAX &&
	       (s = cpu_session_create_thread(other, "fill", &held[n])) == STATUS_OK)
		n++;
	EXPECT_STATUS(s, STATUS_QUOTA_EXCEEDED);
	EXPECT(n > 0 && n < THREADS_TRY_MAX);
	if (n > 0) {
		EXPECT_OK(cpu_session_kill_thread(other, held[n - 1]));
		cap_close(cap_raw(held[n - 1]));
		EXPECT_OK(cpu_session_create_thread(other, "again", &held[n - 1]));
		cpu_thread_cap_t extra;
		EXPECT_STATUS(cpu_session_create_thread(other, "extra", &extra),
		              STATUS_QUOTA_EXCEEDED);
	}
	for (unsigned i = 0; i < n; i++) {
		EXPECT_OK(cpu_session_kill_thread(other, held[i]));
		cap_close(cap_raw(held[i]));
	}
	log_print("quota: %u threads fit, a kill made room for one more", n);
}

static void
worker(void *arg)
{
	(void)arg;
}

void
component_construct(struct env *env)
{
	cpu_session_cap_t cpu = env_cpu(env), other;
	if (EXPECT_OK(cpu_connection_open(env_parent(env), 0, &other))) {
		foreign_refused(env, cpu, other);
		bind_checked(cpu);
		quota_returned(other);
	}
	struct thread *t;
	if (EXPECT_OK(thread_create("worker", 0, worker, 0, &t))) {
		EXPECT_OK(thread_start(t));
		EXPECT_OK(thread_join(t));
	}
	log_print("--- cpu_thread test finished: %u failed ---", test_failures());
	env_exit(env, test_failures() ? -1 : 0);
}
