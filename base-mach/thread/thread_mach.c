/*
 * \brief  Threads in context slots, started as Mach kernel threads
 *
 * A thread is thread_create in the own task with its registers set to
 * enter mach_thread_run on the slot's stack. When the entry returns, the
 * thread says so in its finished word and parks on it; the joiner ends
 * the kernel thread. Why not end itself: a thread ends with a kernel RPC
 * (thread_terminate), which needs its stack for the message and the
 * call's frame, so the joiner could see "finished" and unmap the slot
 * under it. thread_terminate on another thread returns only once the
 * kernel has halted that thread at a clean point, after which neither its
 * code nor the kernel (writing a reply to its stack) touches the slot.
 */

#include <base/internal/futex.h>
#include <base/fault_mach.h>
#include <base/internal/thread_cpu.h>
#include <mach/i386/thread_status.h>
#include <mach_gen/gnumach.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>
#include <util/string.h>

#include "mach_thread.h"

/* the component's fault handler (base/fault_mach.h); null: faults go to the task's port */
static mach_port_t fault_port;

void
mach_fault_port_set(mach_port_t port)
{
	__atomic_store_n(&fault_port, port, __ATOMIC_RELEASE);
}

void
mach_fault_thread_attach(mach_port_t kthread)
{
	mach_port_t port = __atomic_load_n(&fault_port, __ATOMIC_ACQUIRE);

	/* if it fails, the thread's faults go to core: a page fault instead of an overflow line */
	if (port != MACH_PORT_NULL)
		(void)thread_set_exception_port(kthread, port);
}

/* priorities are set per task by core on Mach: no thread is bound (doc/platform-mach.md) */
uint64_t
platform_thread_kernel_id(void)
{
	return 0;
}

/* the TLS block and TCB of each slot's thread, kept 16-byte aligned for the stack above */
size_t
platform_thread_reserve(void)
{
	return (mach_rt_tls_span() + 15) & ~(size_t)15;
}

/* the first and last code of a started thread, on its slot's stack */
static _Noreturn void
mach_thread_run(struct thread *t)
{
	struct mach_thread *m = mach_thread_of(t);

	thread_cpu_started(t);
	t->entry(t->arg);
	__atomic_store_n(&m->finished, 1, __ATOMIC_RELEASE);
	platform_futex_wake(&m->finished, PLATFORM_FUTEX_WAKE_ALL);
	/* the word stays 1: this sleeps until the joiner ends the thread */
	for (;;)
		platform_futex_wait(&m->finished, 1, PLATFORM_FUTEX_FOREVER);
}

/*
 * registers as if mach_thread_run(t) had been called on the slot's stack,
 * with gs the thread's TLS selector
 */
static void
thread_state_init(struct i386_thread_state *st, struct thread *t, unsigned short tls_gs)
{
	/* the argument at a 16-byte boundary, as gcc's i386 code expects at a call */
	uint32_t *arg = (uint32_t *)(t->stack_hi - 16);
	unsigned short cs, ss, ds, es, fs, gs;

	arg[0] = (uint32_t)(uintptr_t)t;
	arg[-1] = 0; /* return address: mach_thread_run never returns */

	/* the kernel checks the selectors: the creator's are user selectors */
	__asm__("movw %%cs, %0; movw %%ss, %1; movw %%ds, %2" : "=r"(cs), "=r"(ss), "=r"(ds));
	__asm__("movw %%es, %0; movw %%fs, %1; movw %%gs, %2" : "=r"(es), "=r"(fs), "=r"(gs));
	mem_set(st, 0, sizeof(*st));
	st->cs = cs;
	st->ss = ss;
	st->ds = ds;
	st->es = es;
	st->fs = fs;
	st->gs = mach_thread_of(t)->tls_tp ? tls_gs : gs;
	st->eip = (unsigned)(uintptr_t)mach_thread_run;
	st->uesp = (unsigned)(uintptr_t)(arg - 1);
	st->efl = 0x202; /* interrupts on (bit 1 is always set) */
}

status_t
platform_thread_start(struct thread *t)
{
	struct mach_thread *m = mach_thread_of(t);
	struct i386_thread_state st;
	mach_port_t kthread;
	unsigned short tls_gs = 0;

	if (mach_thread_create(mach_task_self(), &kthread) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	m->kthread = kthread;
	mach_fault_thread_attach(kthread); /* before its first instruction */
	/* the descriptor belongs to the kernel thread: it ends with the join's terminate */
	kern_return_t kr = m->tls_tp ? mach_rt_tls_bind(kthread, m->tls_tp, &tls_gs) : KERN_SUCCESS;
	if (kr == KERN_SUCCESS) {
		thread_state_init(&st, t, tls_gs);
		/* i386_THREAD_STATE would reset the selectors to the flat ones, gs included */
		kr = thread_set_state(kthread, i386_REGS_SEGS_STATE, (thread_state_t)&st,
		                      i386_THREAD_STATE_COUNT);
	}
	if (kr == KERN_SUCCESS)
		kr = thread_resume(kthread);
	if (kr == KERN_SUCCESS)
		return STATUS_OK;

	/* never ran: end it and drop our name for it in one call */
	(void)thread_terminate_release(kthread, mach_task_self(), kthread, MACH_PORT_NULL, 0, 0);
	m->kthread = MACH_PORT_NULL;
	return STATUS_OUT_OF_MEMORY;
}

void
platform_thread_join(struct thread *t)
{
	struct mach_thread *m = mach_thread_of(t);

	while (__atomic_load_n(&m->finished, __ATOMIC_ACQUIRE) == 0)
		platform_futex_wait(&m->finished, 0, PLATFORM_FUTEX_FOREVER);

	/*
	 * Ends the parked thread (synchronously, see above), drops our name
	 * for it and destroys its reply port, all in one kernel call.
	 */
	(void)thread_terminate_release(m->kthread, mach_task_self(), m->kthread, m->reply_port, 0,
	                               0);
	m->kthread = MACH_PORT_NULL;
	m->reply_port = MACH_PORT_NULL;
}
