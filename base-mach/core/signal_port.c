/*
 * \brief  What arrives on a signal context's port at core, and the wake-up
 *
 * Runs on core's entrypoint (core_mach_ep), between the calls it serves,
 * like the SIGNAL session's own submit and take: the generic records and
 * their counts need no lock. Every message is checked exactly against
 * base-mach/include/signal_mach.h; whatever differs is released and
 * dropped, and core serves on.
 */

#include <mach_rt.h>
#include <signal_mach.h>

#include "platform.h"
#include "signal_context.h"
#include "signal_slot.h"

/*
 * One WAKE at a time, carrying the whole count: the wake port never holds
 * more than one message. The send never waits; if it fails (the receiver's
 * port is gone, or it shortened the queue) the count goes back, for a
 * take through the session or the next ACK.
 */
void
platform_signal_wake(cap_t ctx, cap_t page, struct signal_count *count)
{
	(void)page;
	struct signal_slot *s = signal_slot_of(ctx);
	struct signal_mach_count_msg m;
	unsigned n;

	if (!(s->flags & SIGNAL_SLOT_REGISTERED) || (s->flags & SIGNAL_SLOT_OUTSTANDING))
		return;
	n = signal_count_take(count);
	if (n == 0)
		return;
	signal_mach_count_fill(&m, s->wake, SIGNAL_MACH_WAKE, n);
	if (mach_msg(&m.head, MACH_SEND_MSG | MACH_SEND_TIMEOUT, sizeof(m), 0, MACH_PORT_NULL, 0,
	             MACH_PORT_NULL) == MACH_MSG_SUCCESS)
		s->flags |= SIGNAL_SLOT_OUTSTANDING;
	else
		(void)signal_count_add(count, n);
}

/* the record behind the port a message came on; wake it if it has a count */
static void
record_wake(mach_port_t name)
{
	struct signal_record *r = signal_record_find((cap_t){(long)name});

	if (r)
		platform_signal_wake(r->context, r->page, &r->count);
}

static void
submit_arrived(mach_msg_header_t *h)
{
	const struct signal_mach_count_msg *m = (const struct signal_mach_count_msg *)h;
	struct signal_record *r = signal_record_find((cap_t){(long)h->msgh_local_port});

	if (r && signal_count_add(&r->count, m->count))
		platform_signal_wake(r->context, r->page, &r->count);
}

static bool
register_valid(const mach_msg_header_t *h)
{
	const struct signal_mach_register_msg *m = (const struct signal_mach_register_msg *)h;

	return h->msgh_size == sizeof(*m) && (h->msgh_bits & MACH_MSGH_BITS_COMPLEX) &&
	       h->msgh_remote_port == MACH_PORT_NULL &&
	       signal_mach_type_is(&m->type, MACH_MSG_TYPE_PORT_SEND) && MACH_PORT_VALID(m->wake);
}

/* the first valid one only: a transmitter cannot redirect the wake-ups */
static void
register_arrived(struct signal_slot *s, mach_msg_header_t *h)
{
	if ((s->flags & SIGNAL_SLOT_REGISTERED) || !register_valid(h)) {
		mach_msg_destroy(h);
		return;
	}
	s->wake = ((const struct signal_mach_register_msg *)h)->wake;
	s->flags |= SIGNAL_SLOT_REGISTERED;
	record_wake(h->msgh_local_port); /* submits that came first */
}

static bool
ack_valid(const mach_msg_header_t *h)
{
	return h->msgh_size == sizeof(struct signal_mach_ack_msg) &&
	       !(h->msgh_bits & MACH_MSGH_BITS_COMPLEX) && h->msgh_remote_port == MACH_PORT_NULL;
}

void
signal_port_arrived(void *arg, mach_msg_header_t *h)
{
	struct signal_slot *s = arg;

	if (signal_mach_count_valid(h, SIGNAL_MACH_SUBMIT))
		submit_arrived(h);
	else if (h->msgh_id == SIGNAL_MACH_REGISTER)
		register_arrived(s, h);
	else if (h->msgh_id == SIGNAL_MACH_ACK && ack_valid(h)) {
		s->flags &= ~(uint32_t)SIGNAL_SLOT_OUTSTANDING;
		record_wake(h->msgh_local_port);
	} else
		mach_msg_destroy(h);
}
