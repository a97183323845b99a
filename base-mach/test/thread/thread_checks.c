/*
 * \brief  Checks of started threads: the lock under contention, reply
 *         ports, joins
 */

#include <base/internal/thread_context.h>
#include <base/lock.h>
#include <mach_gen/mach.h>
#include <mach_gen/mach_host.h>
#include <mach_rt.h>

#include "test_thread.h"

#define WORKERS 3
#define BUMPS   3000u

struct worker {
	struct thread *t;
	bool on_own_slot;
	mach_port_t *reply_slot;
	mach_port_t reply;
};

static struct lock counter_lock = LOCK_INIT_UNLOCKED;
static unsigned counter;

static void
reply_note(struct worker *w)
{
	time_value_t tv;

	(void)host_get_time(mach_host_self(), &tv); /* a kernel RPC: makes the reply port */
	w->reply_slot = mach_rt_reply_slot();
	w->reply = *w->reply_slot;
	w->on_own_slot = thread_myself() == w->t;
}

static void
bump(void *arg)
{
	struct worker *w = arg;

	reply_note(w);
	for (unsigned i = 0; i < BUMPS; i++) {
		lock_acquire(&counter_lock);
		unsigned v = __atomic_load_n(&counter, __ATOMIC_RELAXED);
		/* hand the CPU over inside the critical section: without the lock, updates get lost
		 */
		if (i % 32 == 0)
			(void)swtch_pri(0);
		__atomic_store_n(&counter, v + 1, __ATOMIC_RELAXED);
		lock_release(&counter_lock);
	}
}

/* the task's kernel threads, counted by the kernel */
static unsigned
kernel_threads(void)
{
	thread_array_t list;
	mach_msg_type_number_t n = 0;

	if (task_threads(mach_task_self(), &list, &n) != KERN_SUCCESS)
		return 0;
	for (unsigned i = 0; i < n; i++)
		(void)syscall_mach_port_deallocate(mach_task_self(), list[i]);
	(void)vm_deallocate(mach_task_self(), (vm_address_t)list, n * sizeof(*list));
	return n;
}

static void
reply_checks(const struct worker *w)
{
	mach_port_t main_reply = *mach_rt_reply_slot();
	bool ok = true;

	for (unsigned i = 0; i < WORKERS; i++) {
		uintptr_t at = (uintptr_t)w[i].reply_slot, cb = (uintptr_t)w[i].t;
		ok = ok && at >= cb && at < cb + THREAD_CONTROL_SIZE && w[i].on_own_slot;
		ok = ok && w[i].reply != MACH_PORT_NULL && w[i].reply != main_reply;
		for (unsigned j = 0; j < i; j++)
			ok = ok && w[j].reply != w[i].reply;
	}
	check(ok, "reply port: each thread has its own, in its own slot",
	      "main %u, threads %u %u %u", (unsigned)main_reply, (unsigned)w[0].reply,
	      (unsigned)w[1].reply, (unsigned)w[2].reply);
}

static void
lock_counter_checks(void)
{
	struct worker w[WORKERS] = {0};
	unsigned started = 0, joined = 0;

	for (unsigned i = 0; i < WORKERS; i++)
		if (thread_create("bump", 0, bump, &w[i], &w[i].t) == STATUS_OK &&
		    thread_start(w[i].t) == STATUS_OK)
			started++;
	for (unsigned i = 0; i < WORKERS; i++)
		if (w[i].t && thread_join(w[i].t) == STATUS_OK)
			joined++;

	check(started == WORKERS && joined == WORKERS && counter == WORKERS * BUMPS,
	      "lock: 3 threads add 3000 each under the lock", "%u started, %u joined, counter %u",
	      started, joined, counter);
	reply_checks(w);
	unsigned left = kernel_threads();
	check(left == 1, "join: the joined kernel threads are gone", "%u kernel threads", left);
}

void
thread_checks(void)
{
	lock_counter_checks();
	wake_checks();
	slot_checks();
}
