/*
 * \brief  A component's own fault handler on GNU Mach (base-mach/component/fault.c)
 *
 * On Linux a fault runs the faulting thread's SIGSEGV handler in the
 * component; on Mach it runs nothing there: the kernel sends an exception
 * message to the thread's exception port, else to the task's, which is
 * core's. So a component's start-up runs one handler thread whose port is
 * every other thread's exception port. It does what the SIGSEGV handlers
 * do on Linux: a fault in a thread's guard is reported as that thread's
 * stack overflow and the task aborts (mach_rt_abort); a fault the
 * resolver resolves (the local region map: local_rm_fault) is repeated;
 * any other exception is answered "not handled", and the kernel passes it
 * on to core's port, which reports it as before (doc/platform-mach.md,
 * "Processes").
 */

#ifndef _BASE_MACH__INCLUDE__BASE__FAULT_MACH_H_
#define _BASE_MACH__INCLUDE__BASE__FAULT_MACH_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/status.h>
#include <mach/port.h>

/*
 * Start the handler thread and make its port the exception port of the
 * calling thread and of every thread started from now on (not of the
 * handler itself: its faults go to core). Once per task, before other
 * threads start. STATUS_OUT_OF_MEMORY: no port or thread for it (faults
 * then go to core as they come).
 */
status_t mach_fault_handler_start(void);

/*
 * Called on the handler's thread for a bad access that is no stack
 * overflow: STATUS_OK means the page is there now and the access is
 * repeated. write is true if the page was mapped readable already (the
 * access must have written); a fault in an inaccessible page counts as a
 * read, since GNU Mach's exception does not say which it was.
 */
typedef status_t (*mach_fault_resolve_fn)(uintptr_t addr, bool write);
void mach_fault_resolver_set(mach_fault_resolve_fn fn);

/*
 * The thread library's part (base-mach/thread/thread_mach.c): port is
 * made the exception port of every thread platform_thread_start starts
 * from now on (a send right of the caller's, BORROWED for good);
 * mach_fault_thread_attach makes it kthread's (BORROWED) now. With no
 * port set, attach does nothing: the thread's faults go to the task's
 * exception port.
 */
void mach_fault_port_set(mach_port_t port);
void mach_fault_thread_attach(mach_port_t kthread);

#endif /* _BASE_MACH__INCLUDE__BASE__FAULT_MACH_H_ */
