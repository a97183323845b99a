/*
 * \brief  Hearing a task core created: its fault, its end, its stray output
 *
 * A fault arrives as an exception message (exc.h), which also ends the
 * task; an end by the task itself (task_terminate of its own port) as the
 * dead-name notification of its task port. Whichever comes first is the
 * one on_end reports; the other then finds the record ended. Stray
 * output is logged as "[label] text", as on Linux.
 */

#include <base/log.h>
#include <mach/notify.h>
#include <mach_rt.h>
#include <stray_log_mach.h>

#include "core_log.h"
#include "exc.h"
#include "pd_mach.h"

void
mach_pd_end_report(struct mach_pd *p, struct exit_fault fault)
{
	struct platform_pd_end end = {.fault = fault};

	if (p->ended)
		return;
	p->ended = true;
	p->on_end(p->ctx, &end);
}

static void
pd_exception(void *arg, mach_msg_header_t *msg)
{
	struct mach_pd *p = arg;
	struct exit_fault fault;

	if (exc_dispatch(msg, p->task, &fault)) {
		mach_pd_end_report(p, fault);
		return;
	}
	/* only the task itself can send there: said once, a flood says nothing more */
	if (!p->forgery_told)
		log_error("PD \"%s\": a malformed or forged exception message on its exception "
		          "port ignored",
		          p->label);
	p->forgery_told = true;
}

static void
pd_dead(void *arg, mach_msg_header_t *msg)
{
	bool dead = msg->msgh_id == MACH_NOTIFY_DEAD_NAME;

	mach_msg_destroy(msg);
	if (dead)
		mach_pd_end_report(arg, (struct exit_fault){.reason = EXIT_REASON_EXITED});
}

/* one line of stray output, if the message is exactly what the header says */
static void
pd_stray(void *arg, mach_msg_header_t *msg)
{
	const struct mach_pd *p = arg;
	const struct stray_log_msg *m = (const void *)msg;
	size_t head = offsetof(struct stray_log_msg, text);
	unsigned n = m->type.msgt_number;

	if (msg->msgh_id == STRAY_LOG_MSG_ID && !(msg->msgh_bits & MACH_MSGH_BITS_COMPLEX) &&
	    msg->msgh_size >= head && m->type.msgt_name == MACH_MSG_TYPE_CHAR &&
	    m->type.msgt_size == 8 && m->type.msgt_inline && !m->type.msgt_longform &&
	    n <= STRAY_LOG_LINE_MAX && head + n <= msg->msgh_size)
		core_log_labeled(p->label, m->text, n);
	mach_msg_destroy(msg);
}

status_t
mach_pd_watch(struct mach_pd *p)
{
	if (entrypoint_port_watch(p->ep, p->exc, pd_exception, p, &p->exc_w) != STATUS_OK ||
	    entrypoint_port_watch(p->ep, p->dead, pd_dead, p, &p->dead_w) != STATUS_OK ||
	    entrypoint_port_watch(p->ep, p->stray, pd_stray, p, &p->stray_w) != STATUS_OK)
		return STATUS_OUT_OF_MEMORY;
	return STATUS_OK;
}

void
mach_pd_unwatch(struct mach_pd *p)
{
	struct ep_port_watch **w[] = {&p->exc_w, &p->dead_w, &p->stray_w};

	for (unsigned i = 0; i < 3; i++)
		if (*w[i]) {
			entrypoint_port_unwatch(*w[i]);
			*w[i] = 0;
		}
}
