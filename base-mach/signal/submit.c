/*
 * \brief  Submitting a signal: one SUBMIT message to core's port of the context
 *
 * Never waits in the kernel: the send has timeout 0. core's queue of a
 * context holds 16 messages (MACH_PORT_QLIMIT_MAX); when it is full, core
 * has not run since, so the sender yields its time a few times and tries
 * again, and drops the submit if the queue stays full (a peer that is no
 * context of core's and never receives costs those yields, nothing more;
 * in core, whose entrypoint drains the queue itself, a submit to a context
 * a client filled costs the yields and is dropped).
 */

#include <mach/thread_switch.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>
#include <signal_mach.h>

#include "signal_mach_lib.h"

enum { SUBMIT_TRIES = 16 };

static bool
name_has(mach_port_t name, mach_port_type_t what)
{
	mach_port_type_t type;

	return mach_port_type(signal_task(), name, &type) == KERN_SUCCESS && (type & what);
}

/*
 * A send that timed out comes back as if received: GNU Mach hands the
 * destination's copied right back in msgh_remote_port (measured), one more
 * reference of ours on the name.
 */
static void
returned_release(mach_msg_header_t *h)
{
	if (MACH_MSGH_BITS_REMOTE(h->msgh_bits) == MACH_MSG_TYPE_PORT_SEND &&
	    MACH_PORT_VALID(h->msgh_remote_port))
		(void)syscall_mach_port_deallocate(signal_task(), h->msgh_remote_port);
}

static mach_msg_return_t
submit_send(mach_port_t name, unsigned count)
{
	struct signal_mach_count_msg m;
	mach_msg_return_t mr;

	for (unsigned i = 0;; i++) {
		signal_mach_count_fill(&m, name, SIGNAL_MACH_SUBMIT, count);
		mr = mach_msg(&m.head, MACH_SEND_MSG | MACH_SEND_TIMEOUT, sizeof(m), 0,
		              MACH_PORT_NULL, 0, MACH_PORT_NULL);
		if (mr != MACH_SEND_TIMED_OUT && mr != MACH_SEND_INTERRUPTED)
			return mr;
		returned_release(&m.head);
		if (i + 1 >= SUBMIT_TRIES)
			return mr;
		(void)thread_switch(MACH_PORT_NULL, SWITCH_OPTION_DEPRESS, 10);
	}
}

status_t
signal_submit(signal_context_cap_t cap, unsigned count)
{
	long sel = cap_raw(cap).sel;
	mach_port_t name = (mach_port_t)sel;
	mach_msg_return_t mr;

	if (sel <= 0)
		return STATUS_INVALID_CAP;
	if (count == 0)
		return name_has(name, MACH_PORT_TYPE_SEND | MACH_PORT_TYPE_DEAD_NAME)
		               ? STATUS_OK
		               : STATUS_INVALID_CAP;
	mr = submit_send(name, count);
	if (mr == MACH_MSG_SUCCESS || mr == MACH_SEND_TIMED_OUT || mr == MACH_SEND_INTERRUPTED)
		return STATUS_OK;
	/* a dissolved context leaves a dead name: dropped, as everywhere */
	return mr == MACH_SEND_INVALID_DEST && name_has(name, MACH_PORT_TYPE_DEAD_NAME)
	               ? STATUS_OK
	               : STATUS_INVALID_CAP;
}
