/*
 * \brief  Running one child task and hearing it until it ended
 */

#include <mach/memory_object.h>
#include <mach_gen/mach.h>
#include <mach_gen/mach_port.h>
#include <util/format.h>

#include "../../core/exc.h"
#include "../../core/task.h"
#include "child.h"
#include "proto.h"
#include "test.h"

static mach_port_t main_set, boot_port, exc_port;

kern_return_t
child_ports_init(void)
{
	mach_port_t self = mach_task_self();
	kern_return_t kr = mach_port_allocate(self, MACH_PORT_RIGHT_PORT_SET, &main_set);

	if (!kr)
		kr = mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &boot_port);
	if (!kr) /* the send right each child's bootstrap port is copied from */
		kr = mach_port_insert_right(self, boot_port, boot_port, MACH_MSG_TYPE_MAKE_SEND);
	if (!kr)
		kr = mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &exc_port);
	if (!kr)
		kr = mach_port_move_member(self, boot_port, main_set);
	return kr ? kr : mach_port_move_member(self, exc_port, main_set);
}

static void
on_message(struct child_run *run, struct proto_msg *m)
{
	switch (m->head.msgh_id) {
	case PROTO_HELLO:
		run->started = true;
		proto_send_to(m->head.msgh_remote_port, true, MACH_PORT_NULL, PROTO_TASK, run->give,
		              MACH_MSG_TYPE_COPY_SEND, (uint32_t[4]){run->cmd, run->size, 0, 0});
		break;
	case PROTO_DONE:
		if (m->word[2]) { /* the child's last word */
			run->ended = true;
			run->verdict = m->word[1];
			break;
		}
		run->addr = m->word[0], run->first = m->word[1], run->kr = m->word[3];
		if (run->on_done)
			run->on_done(run);
		if (m->head.msgh_remote_port)
			proto_send_to(m->head.msgh_remote_port, true, MACH_PORT_NULL, PROTO_ACK,
			              MACH_PORT_NULL, 0, (uint32_t[4]){0});
		break;
	}
}

status_t
child_run(struct child_run *run, const uint8_t *image, size_t size)
{
	static union {
		struct proto_msg proto;
		char bytes[1024];
	} m;
	mach_port_t task;
	const char *why = "";
	status_t st = task_spawn(image, size, boot_port, exc_port, &task, &why);

	run->why = why;
	if (st != STATUS_OK)
		return st;
	while (!run->ended) {
		if (mach_msg(&m.proto.head, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof(m), main_set,
		             60000, MACH_PORT_NULL) != MACH_MSG_SUCCESS) {
			run->why = "no message from the child for 60 s";
			(void)task_terminate(task);
			break;
		}
		if (m.proto.head.msgh_local_port == exc_port)
			run->ended = run->faulted = exc_dispatch(&m.proto.head, task, &run->fault);
		else
			on_message(run, &m.proto);
	}
	(void)mach_port_deallocate(mach_task_self(), task);
	return STATUS_OK;
}
