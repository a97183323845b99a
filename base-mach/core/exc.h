/*
 * \brief  core's exception server: how a task core started faulted
 *
 * Every task core creates has a port of core's as its exception port
 * (task_main_start). The kernel sends the faulting thread's exception
 * there (exc.defs, catch_exception_raise) and keeps the thread stopped
 * until an answer comes. core never answers: it says how the task ended
 * in generic words (include/base/exit_reason.h) and ends the task.
 */

#ifndef _BASE_MACH__CORE__EXC_H_
#define _BASE_MACH__CORE__EXC_H_

#include <stdbool.h>

#include <base/exit_reason.h>
#include <mach/message.h>

/* the generic reason of an i386 exception (exc.defs' exception, code, subcode) */
struct exit_fault exc_fault_of(int exception, int code, int subcode);

/*
 * Handle one message received on the exception port of task (core's send
 * right's name): terminate the task and fill *fault. It CONSUMES the
 * message and its rights in any case. false (*fault untouched): no
 * exception message, a malformed one, or one that names another task:
 * the task can send to its own exception port too (task_get_special_port),
 * so such a message is a forgery, and it ends nothing.
 */
bool exc_dispatch(mach_msg_header_t *msg, mach_port_t task, struct exit_fault *fault);

#endif /* _BASE_MACH__CORE__EXC_H_ */
