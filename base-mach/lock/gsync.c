/*
 * \brief  Waiting on and waking a word with GNU Mach's gsync
 *
 * gsync_wait and gsync_wake are kernel RPCs on the task port (gnumach.defs),
 * keyed by the task's map and the word's address. The task-local kind
 * (no GSYNC_SHARED) fits: lock words are process-local (futex.h), and it
 * spares the kernel the lookup of the VM object behind the word.
 */

#include <stdbool.h>

#include <base/internal/futex.h>
#include <mach_gen/gnumach.h>
#include <mach_rt.h>

/* GNU Mach's kern/gsync.h; gnumach-dev does not install it */
#define GSYNC_TIMED     0x04
#define GSYNC_BROADCAST 0x08

/*
 * The longest single wait: the kernel turns milliseconds into ticks as
 * msec * hz in 32 bits, which overflows after about 12 hours at 100 Hz. A
 * longer timeout ends early, which the contract allows (callers re-check
 * and recompute what is left).
 */
#define GSYNC_MSEC_MAX 3600000u

status_t
platform_futex_wait(uint32_t *word, uint32_t expected, uint64_t timeout_us)
{
	int flags = 0;
	natural_t msec = 0;
	bool clamped = false;

	/* a timed wait of 0 ticks is no wait the kernel defines: answer here */
	if (timeout_us == 0)
		return __atomic_load_n(word, __ATOMIC_SEQ_CST) == expected ? STATUS_TIMEOUT
		                                                           : STATUS_OK;

	if (timeout_us != PLATFORM_FUTEX_FOREVER) {
		/* rounded up: a wait never ends before the time asked for */
		uint64_t ms = timeout_us / 1000u + (timeout_us % 1000u != 0);
		clamped = ms > GSYNC_MSEC_MAX;
		msec = clamped ? GSYNC_MSEC_MAX : (natural_t)ms;
		flags = GSYNC_TIMED;
	}
	kern_return_t kr =
	        gsync_wait(mach_task_self(), (vm_address_t)word, expected, 0, msec, flags);

	/*
	 * KERN_INVALID_ARGUMENT (the word differed already) and
	 * KERN_INTERRUPTED (thread_abort, a debugger) are early returns; a
	 * clamped wait that timed out has time left.
	 */
	return kr == KERN_TIMEDOUT && !clamped ? STATUS_TIMEOUT : STATUS_OK;
}

void
platform_futex_wake(uint32_t *word, unsigned n)
{
	/* gsync wakes one or all; a count in between wakes all, a spurious return for the rest */
	int flags = n == 1 ? 0 : GSYNC_BROADCAST;

	if (n == 0)
		return;
	/* KERN_INVALID_ARGUMENT: nobody waited; nothing to do about it */
	(void)gsync_wake(mach_task_self(), (vm_address_t)word, 0, flags);
}
