/*
 * \brief  Waiting at a signal receiver: a receive on its port set
 */

#include <base/internal/futex.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>
#include <signal_mach.h>

#include "signal_mach_lib.h"

/* the largest receive timeout asked of the kernel at once: an hour, in ms */
enum { TIMEOUT_MS_MAX = 3600u * 1000u };

struct wake_buf {
	struct signal_mach_count_msg m;
	uint32_t slack[8]; /* a larger message is destroyed by the kernel */
};

/* ms until deadline, rounded up (the kernel rounds up to ticks again) */
static mach_msg_timeout_t
timeout_ms(uint64_t deadline)
{
	uint64_t now = platform_time_us();
	uint64_t left = deadline > now ? deadline - now : 0;
	uint64_t ms = (left + 999u) / 1000u;

	return ms > TIMEOUT_MS_MAX ? TIMEOUT_MS_MAX : (mach_msg_timeout_t)ms;
}

/* one receive; STATUS_OK with a WAKE's payload and count, or why not */
static status_t
receive(struct signal_receiver *r, uint64_t deadline, unsigned long *payload, unsigned *num)
{
	struct wake_buf b;
	mach_msg_option_t opt = MACH_RCV_MSG;
	mach_msg_timeout_t ms = 0;
	mach_msg_return_t mr;

	if (deadline != SIGNAL_WAIT_FOREVER) {
		opt |= MACH_RCV_TIMEOUT;
		ms = timeout_ms(deadline);
	}
	mr = mach_msg(&b.m.head, opt, 0, sizeof(b), r->set, ms, MACH_PORT_NULL);
	if (mr == MACH_RCV_TIMED_OUT)
		return STATUS_TIMEOUT;
	if (mr != MACH_MSG_SUCCESS)
		return mr == MACH_RCV_INTERRUPTED || mr == MACH_RCV_TOO_LARGE ? STATUS_WOULD_BLOCK
		                                                              : STATUS_UNAVAILABLE;
	if (MACH_MSGH_BITS_LOCAL(b.m.head.msgh_bits) != MACH_MSG_TYPE_PROTECTED_PAYLOAD ||
	    !signal_mach_count_valid(&b.m.head, SIGNAL_MACH_WAKE)) {
		mach_msg_destroy(&b.m.head);
		return STATUS_WOULD_BLOCK;
	}
	*payload = b.m.head.msgh_protected_payload;
	*num = b.m.count;
	return STATUS_OK;
}

status_t
signal_receiver_wait_timeout(struct signal_receiver *r, uint64_t timeout_us, struct signal *out)
{
	uint64_t start = platform_time_us();
	uint64_t deadline = timeout_us >= SIGNAL_WAIT_FOREVER - start ? SIGNAL_WAIT_FOREVER
	                                                              : start + timeout_us;

	for (;;) {
		unsigned long payload;
		unsigned num;
		status_t st = receive(r, deadline, &payload, &num);

		if (st == STATUS_OK && signal_receiver_take(r, payload, num, out))
			return STATUS_OK;
		if (st == STATUS_UNAVAILABLE)
			return st;
		if (st == STATUS_TIMEOUT && platform_time_us() >= deadline)
			return STATUS_TIMEOUT;
	}
}

status_t
signal_receiver_wait(struct signal_receiver *r, struct signal *out)
{
	return signal_receiver_wait_timeout(r, SIGNAL_WAIT_FOREVER, out);
}

/* a hint: some wake port of r holds a WAKE */
bool
signal_receiver_pending(struct signal_receiver *r)
{
	bool pending = false;

	lock_acquire(&r->lock);
	for (uint32_t i = 0; i < r->count && !pending; i++) {
		mach_port_status_t status;

		if (r->slots[i].ctx &&
		    mach_port_get_receive_status(signal_task(), r->slots[i].ctx->wake, &status) ==
		            KERN_SUCCESS)
			pending = status.mps_msgcount > 0;
	}
	lock_release(&r->lock);
	return pending;
}
