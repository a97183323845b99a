/*
 * \brief  A forged exception message (forge.h)
 */

#include <mach/exception.h>
#include <mach/task_special_ports.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>

#include "forge.h"

kern_return_t
mach_test_exception_forge(void)
{
	struct {
		mach_msg_header_t head;
		mach_msg_type_t thread_type;
		mach_port_t thread;
		mach_msg_type_t task_type;
		mach_port_t task;
		struct {
			mach_msg_type_t type;
			integer_t value;
		} word[3]; /* exception, code, subcode */
	} m = {0};
	mach_port_t exc = MACH_PORT_NULL;
	kern_return_t kr = task_get_special_port(mach_task_self(), TASK_EXCEPTION_PORT, &exc);

	if (kr != KERN_SUCCESS)
		return kr;
	m.head = (mach_msg_header_t){
	        .msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, MACH_MSG_TYPE_MAKE_SEND_ONCE) |
	                     MACH_MSGH_BITS_COMPLEX,
	        .msgh_size = sizeof(m),
	        .msgh_remote_port = exc,
	        .msgh_local_port = mach_reply_port(),
	        .msgh_id = 2400};
	m.thread_type = (mach_msg_type_t){MACH_MSG_TYPE_COPY_SEND, 32, 1, TRUE, FALSE, FALSE, 0};
	m.task_type = (mach_msg_type_t){MACH_MSG_TYPE_MAKE_SEND, 32, 1, TRUE, FALSE, FALSE, 0};
	m.thread = mach_thread_self();
	m.task = mach_reply_port(); /* a receive right of ours posing as the task */
	for (int i = 0; i < 3; i++)
		m.word[i].type =
		        (mach_msg_type_t){MACH_MSG_TYPE_INTEGER_32, 32, 1, TRUE, FALSE, FALSE, 0};
	m.word[0].value = EXC_BAD_ACCESS;
	m.word[2].value = 0xdead0000;
	return mach_msg(&m.head, MACH_SEND_MSG, sizeof(m), 0, MACH_PORT_NULL, 0, MACH_PORT_NULL);
}
