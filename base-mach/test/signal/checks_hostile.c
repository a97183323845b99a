/*
 * \brief  Dissolve with signals in flight, a second REGISTER, malformed
 *         messages on a context's port
 */

#include <mach_gen/mach_port.h>
#include <mach_rt.h>
#include <signal_mach.h>

#include "test_signal.h"

static struct signal_receiver *r;

static struct signal_context *
context(void *imprint)
{
	struct signal_context *c = 0;

	if (signal_context_create(r, imprint, &c) != STATUS_OK)
		say("cannot create a context");
	return c;
}

static mach_port_t
name_of(struct signal_context *c)
{
	return (mach_port_t)cap_raw(signal_context_cap(c)).sel;
}

static bool
dead_name(mach_port_t name)
{
	mach_port_type_t type;

	return mach_port_type(mach_task_self(), name, &type) == KERN_SUCCESS &&
	       (type & MACH_PORT_TYPE_DEAD_NAME);
}

/* a WAKE waits and more is counted at core when the context goes */
static void
dissolve_in_flight(void)
{
	struct signal_context *d = context(0);
	cap_t copy;

	if (cap_dup(cap_raw(signal_context_cap(d)), &copy) != STATUS_OK)
		return;
	(void)signal_submit(signal_context_cap(d), 1);
	settle(200);
	(void)signal_submit(signal_context_cap(d), 5);
	settle(200);
	signal_context_dissolve(d);
	status_t late = signal_submit(CAP_TYPED(signal_context_cap_t, copy), 7);
	bool dead = dead_name((mach_port_t)copy.sel);
	struct signal s = wait_for(r, 300);
	check(late == STATUS_OK && dead && !s.context,
	      "dissolve with signals in flight: nothing delivered, a later submit dropped (OK)",
	      "submit %d, dead name %d, delivered %u", (int)late, dead, s.num);

	/* the dead name lingers in this task, the name core chose stays taken */
	struct signal_context *e = context(&copy);
	(void)signal_submit(signal_context_cap(e), 2);
	s = wait_for(r, 2000);
	check(s.context == e && s.num == 2 && name_of(e) != (mach_port_t)copy.sel,
	      "a context made while the old name lingers works", "num %u", s.num);
	cap_close(copy);
	struct signal_context *f = context(0);
	(void)signal_submit(signal_context_cap(f), 3);
	s = wait_for(r, 2000);
	check(s.context == f && s.num == 3, "a context made after the old name was closed works",
	      "num %u, name %s", s.num, name_of(f) == (mach_port_t)copy.sel ? "same" : "other");
	signal_context_dissolve(e);
	signal_context_dissolve(f);
}

static bool
no_senders(mach_port_t p)
{
	mach_port_status_t st;

	return mach_port_get_receive_status(mach_task_self(), p, &st) == KERN_SUCCESS &&
	       !st.mps_srights;
}

static void
second_register(void)
{
	struct signal_context *g = context(0);
	mach_port_t rogue;

	if (syscall_mach_port_allocate(mach_task_self(), MACH_PORT_RIGHT_RECEIVE, &rogue) !=
	    KERN_SUCCESS)
		return;
	struct signal_mach_register_msg m = {
	        .head = {.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, 0) |
	                              MACH_MSGH_BITS_COMPLEX,
	                 .msgh_size = sizeof(m),
	                 .msgh_remote_port = name_of(g),
	                 .msgh_id = SIGNAL_MACH_REGISTER},
	        .type = signal_mach_type(MACH_MSG_TYPE_MAKE_SEND),
	        .wake = rogue};
	mach_msg_return_t mr =
	        mach_msg(&m.head, MACH_SEND_MSG, sizeof(m), 0, MACH_PORT_NULL, 0, MACH_PORT_NULL);
	(void)signal_submit(signal_context_cap(g), 3);
	struct signal s = wait_for(r, 2000);
	check(mr == MACH_MSG_SUCCESS && s.context == g && s.num == 3 && port_queued(rogue) == 0 &&
	              no_senders(rogue),
	      "a second REGISTER is ignored, its right released", "num %u, rogue queued %d", s.num,
	      port_queued(rogue));
	(void)mach_port_destroy(mach_task_self(), rogue);
	signal_context_dissolve(g);
}

static mach_msg_return_t
send_raw(mach_msg_header_t *h)
{
	return mach_msg(h, MACH_SEND_MSG | MACH_SEND_TIMEOUT, h->msgh_size, 0, MACH_PORT_NULL, 0,
	                MACH_PORT_NULL);
}

/* six kinds of garbage, each with a count core must not add */
static unsigned
garbage_send(mach_port_t ctx, mach_port_t p)
{
	struct {
		struct signal_mach_count_msg m;
		uint32_t extra;
	} big;
	struct signal_mach_register_msg port_msg;
	struct signal_mach_count_msg m;
	unsigned sent = 0;

	signal_mach_count_fill(&m, ctx, 0x1234, 100); /* unknown id */
	sent += send_raw(&m.head) == MACH_MSG_SUCCESS;
	signal_mach_count_fill(&big.m, ctx, SIGNAL_MACH_SUBMIT, 100); /* too long */
	big.m.head.msgh_size = sizeof(big);
	sent += send_raw(&big.m.head) == MACH_MSG_SUCCESS;
	port_msg = (struct signal_mach_register_msg){
	        .head = {.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, 0) |
	                              MACH_MSGH_BITS_COMPLEX,
	                 .msgh_size = sizeof(port_msg),
	                 .msgh_remote_port = ctx,
	                 .msgh_id = SIGNAL_MACH_SUBMIT},
	        .type = signal_mach_type(MACH_MSG_TYPE_MAKE_SEND),
	        .wake = p}; /* a SUBMIT carrying a right */
	sent += send_raw(&port_msg.head) == MACH_MSG_SUCCESS;
	signal_mach_count_fill(&m, ctx, SIGNAL_MACH_SUBMIT, 100); /* with a reply right */
	m.head.msgh_bits |= MACH_MSGH_BITS(0, MACH_MSG_TYPE_MAKE_SEND_ONCE);
	m.head.msgh_local_port = p;
	sent += send_raw(&m.head) == MACH_MSG_SUCCESS;
	signal_mach_count_fill(&m, ctx, SIGNAL_MACH_ACK, 100); /* an ACK with a body */
	sent += send_raw(&m.head) == MACH_MSG_SUCCESS;
	signal_mach_count_fill(&m, ctx, SIGNAL_MACH_REGISTER, 100); /* no right in it */
	sent += send_raw(&m.head) == MACH_MSG_SUCCESS;
	return sent;
}

static void
malformed(void)
{
	struct signal_context *g = context(0);
	mach_port_t p;

	if (syscall_mach_port_allocate(mach_task_self(), MACH_PORT_RIGHT_RECEIVE, &p) !=
	    KERN_SUCCESS)
		return;
	unsigned sent = garbage_send(name_of(g), p);
	(void)signal_submit(signal_context_cap(g), 9);
	struct signal s = wait_for(r, 2000);
	/* the send-once right was destroyed: its notification is all p got */
	check(sent == 6 && s.context == g && s.num == 9 && no_senders(p) && port_queued(p) == 1,
	      "six malformed messages dropped, their rights released, core serves on",
	      "%u sent, num %u, p queued %d", sent, s.num, port_queued(p));
	struct signal_context *h = context(0);
	(void)signal_submit(signal_context_cap(h), 1);
	s = wait_for(r, 2000);
	check(s.context == h && s.num == 1 && wait_for(r, 100).num == 0,
	      "a new context after the garbage works", "num %u", s.num);
	(void)mach_port_destroy(mach_task_self(), p);
	signal_context_dissolve(g);
	signal_context_dissolve(h);
}

/* contexts come and go: core's slots and names are reused */
static void
churn(void)
{
	unsigned ok = 0;

	for (unsigned i = 0; i < 300; i++) {
		struct signal_context *c = context(0);
		if (!c)
			break;
		(void)signal_submit(signal_context_cap(c), i + 1);
		ok += wait_for(r, 2000).num == i + 1;
		signal_context_dissolve(c);
	}
	check(ok == 300, "300 contexts made, signalled and dissolved one after another",
	      "%u delivered right", ok);
}

void
checks_hostile(void)
{
	if (signal_receiver_create(&r) != STATUS_OK)
		return;
	dissolve_in_flight();
	second_register();
	malformed();
	churn();
	signal_receiver_destroy(r);
}
