/*
 * \brief  The Timer server's clock and alarm on GNU Mach
 *
 * Mach has no timer object a port set could watch, only receive
 * timeouts. So each alarm has a helper thread that waits on a port of its
 * own with the time left as the receive timeout. At the deadline it sends
 * an empty message, timeout 0, to a port the entrypoint watches
 * (base/ep_mach.h), whose function calls fn(arg) on ep's thread between
 * the calls ep serves. An expiry already queued is enough: a send that
 * finds the queue full is dropped. timer_platform_program stores the new
 * deadline and then sends the helper an empty message, so a helper that
 * read the old deadline and is about to wait finds the message queued and
 * computes again: no reprogramming is lost. The deadline is taken with a
 * compare-and-swap, so a reprogramming meanwhile is not disarmed by it.
 *
 * The clock is platform_time_us: the kernel's time page, 10 ms ticks,
 * the same clock the helper computes its waits with. A receive timeout is
 * rounded up to milliseconds and the kernel rounds it up to ticks, so an
 * alarm never fires before its deadline; it fires at the first tick at or
 * after it, plus scheduling. Waits are cut to an hour (the kernel counts
 * ticks in 32 bits); the helper then simply waits again.
 */

#include <base/ep_mach.h>
#include <base/internal/futex.h>
#include <base/thread.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>
#include <timer/platform.h>

enum { ALARM_WAIT_MAX_MS = 3600u * 1000u, ALARM_STACK = 8192 };

struct timer_platform {
	mach_port_t expiry; /* receive right, watched by ep (OWNED) */
	mach_port_t wake;   /* receive right the helper waits on (OWNED) */
	struct ep_port_watch *watch;
	struct thread *helper;
	uint64_t deadline; /* atomic; TIMER_PLATFORM_NEVER: disarmed */
	uint32_t stop;     /* atomic; the helper ends when set */
	timer_platform_fn fn;
	void *arg;
};

/* an empty message that makes a send right from our receive right; dropped if the queue is full */
static void
alarm_poke(mach_port_t port)
{
	mach_msg_header_t msg = {.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_MAKE_SEND, 0),
	                         .msgh_size = sizeof(msg),
	                         .msgh_remote_port = port};

	(void)mach_msg(&msg, MACH_SEND_MSG | MACH_SEND_TIMEOUT, sizeof(msg), 0, MACH_PORT_NULL, 0,
	               MACH_PORT_NULL);
}

/* on ep's thread */
static void
alarm_expired(void *arg, mach_msg_header_t *msg)
{
	struct timer_platform *tp = arg;

	mach_msg_destroy(msg);
	tp->fn(tp->arg);
}

/* ms to wait for deadline from now (at least 1), or 0: due now */
static mach_msg_timeout_t
alarm_wait_ms(uint64_t deadline)
{
	uint64_t now = platform_time_us();

	if (now >= deadline)
		return 0;
	uint64_t ms = (deadline - now + 999) / 1000;
	return ms > ALARM_WAIT_MAX_MS ? ALARM_WAIT_MAX_MS : (mach_msg_timeout_t)ms;
}

static void
alarm_loop(void *arg)
{
	struct timer_platform *tp = arg;
	mach_msg_header_t msg;

	while (!__atomic_load_n(&tp->stop, __ATOMIC_ACQUIRE)) {
		uint64_t deadline = __atomic_load_n(&tp->deadline, __ATOMIC_ACQUIRE);
		mach_msg_timeout_t ms =
		        deadline == TIMER_PLATFORM_NEVER ? 0 : alarm_wait_ms(deadline);

		if (deadline != TIMER_PLATFORM_NEVER && ms == 0) {
			if (__atomic_compare_exchange_n(&tp->deadline, &deadline,
			                                TIMER_PLATFORM_NEVER, false,
			                                __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
				alarm_poke(tp->expiry);
			continue;
		}
		/* a message (reprogrammed, stopping) or the timeout: look again */
		(void)mach_msg(&msg, MACH_RCV_MSG | (ms ? MACH_RCV_TIMEOUT : 0), 0, sizeof(msg),
		               tp->wake, ms, MACH_PORT_NULL);
	}
}

static status_t
alarm_ports(struct timer_platform *tp)
{
	mach_port_t self = mach_task_self();

	if (syscall_mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &tp->expiry) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	if (syscall_mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &tp->wake) == KERN_SUCCESS)
		return STATUS_OK;
	(void)mach_port_destroy(self, tp->expiry);
	return STATUS_OUT_OF_MEMORY;
}

static void
alarm_free(struct timer_platform *tp)
{
	mach_port_t self = mach_task_self();

	/* queued expiries and pokes die with the ports */
	(void)mach_port_destroy(self, tp->expiry);
	(void)mach_port_destroy(self, tp->wake);
	(void)syscall_vm_deallocate(self, (vm_address_t)tp, sizeof(*tp));
}

status_t
timer_platform_create(struct entrypoint *ep, timer_platform_fn fn, void *arg,
                      struct timer_platform **out)
{
	vm_address_t addr = 0;
	struct timer_platform *tp;

	/* no heap below the platform libraries: a page of its own */
	if (syscall_vm_allocate(mach_task_self(), &addr, sizeof(*tp), TRUE) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	tp = (struct timer_platform *)addr;
	*tp = (struct timer_platform){.deadline = TIMER_PLATFORM_NEVER, .fn = fn, .arg = arg};
	if (alarm_ports(tp) != STATUS_OK) {
		(void)syscall_vm_deallocate(mach_task_self(), addr, sizeof(*tp));
		return STATUS_OUT_OF_MEMORY;
	}
	status_t s = entrypoint_port_watch(ep, tp->expiry, alarm_expired, tp, &tp->watch);
	if (s == STATUS_OK) {
		s = thread_create("timer", ALARM_STACK, alarm_loop, tp, &tp->helper);
		if (s == STATUS_OK && (s = thread_start(tp->helper)) != STATUS_OK)
			(void)thread_join(
			        tp->helper); /* frees the slot of a thread never started */
		if (s != STATUS_OK)
			entrypoint_port_unwatch(tp->watch);
	}
	if (s != STATUS_OK) {
		alarm_free(tp);
		return STATUS_OUT_OF_MEMORY;
	}
	*out = tp;
	return STATUS_OK;
}

void
timer_platform_destroy(struct timer_platform *tp)
{
	__atomic_store_n(&tp->stop, 1, __ATOMIC_RELEASE);
	alarm_poke(tp->wake);
	(void)thread_join(tp->helper);
	entrypoint_port_unwatch(tp->watch);
	alarm_free(tp);
}

uint64_t
timer_platform_now_us(struct timer_platform *tp)
{
	(void)tp;
	return platform_time_us();
}

void
timer_platform_program(struct timer_platform *tp, uint64_t deadline_us)
{
	__atomic_store_n(&tp->deadline, deadline_us, __ATOMIC_RELEASE);
	alarm_poke(tp->wake);
}
