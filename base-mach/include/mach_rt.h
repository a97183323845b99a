/*
 * \brief  GNU Mach's system-call traps and the runtime of every Mach program
 *
 * base-mach/rt: the traps (i386: 'lcall $7,$0' with the arguments on the
 * user stack), mach_msg, the reply ports of MIG's stubs, and the entry
 * '_start', which calls mach_rt_main with the task's argc/argv (the
 * bootstrap task gets its boot-script words there; tasks core starts get
 * none).
 */

#ifndef _BASE_MACH__INCLUDE__MACH_RT_H_
#define _BASE_MACH__INCLUDE__MACH_RT_H_

#include <stddef.h>
#include <stdint.h>

#include <mach/mach_types.h>
#include <mach/message.h>
#include <mach/port.h>
#include <stddef.h>

mach_msg_return_t mach_msg_trap(mach_msg_header_t *msg, mach_msg_option_t option,
                                mach_msg_size_t send_size, mach_msg_size_t rcv_size,
                                mach_port_t rcv_name, mach_msg_timeout_t timeout,
                                mach_port_t notify);
mach_msg_return_t mach_msg(mach_msg_header_t *msg, mach_msg_option_t option,
                           mach_msg_size_t send_size, mach_msg_size_t rcv_size,
                           mach_port_t rcv_name, mach_msg_timeout_t timeout, mach_port_t notify);
mach_port_t mach_reply_port(void);
mach_port_t mach_thread_self(void);
mach_port_t mach_task_self(void);
mach_port_t mach_host_self(void);
void mach_print(const char *text); /* the -dbg kernel only */
boolean_t swtch_pri(int priority);
kern_return_t thread_switch(mach_port_t thread, int option, mach_msg_timeout_t time);

/* the local-task shortcuts of the VM and port calls (no message) */
kern_return_t syscall_vm_allocate(mach_port_t task, vm_address_t *addr, vm_size_t size,
                                  boolean_t anywhere);
kern_return_t syscall_vm_deallocate(mach_port_t task, vm_address_t addr, vm_size_t size);
kern_return_t syscall_mach_port_allocate(mach_port_t task, mach_port_right_t right,
                                         mach_port_t *name);
kern_return_t syscall_mach_port_deallocate(mach_port_t task, mach_port_t name);
kern_return_t syscall_mach_port_insert_right(mach_port_t task, mach_port_t name, mach_port_t right,
                                             mach_msg_type_name_t type);

/*
 * Where the calling thread keeps its MIG reply port. The runtime's own
 * answer is one word for the whole task, right for a task with one thread
 * (core's bootstrap); base-mach/thread gives each thread its own.
 */
mach_port_t *mach_rt_reply_slot(void);

/*
 * Diagnostics of runtime and platform code (base-mach/rt/diag.c): a line
 * goes to the console device a bootstrap task named (BORROWED for good);
 * without one it is dropped.
 */
void mach_rt_diag_console(mach_port_t console);
void mach_rt_diag(const char *text);

/*
 * Thread-local storage (base-mach/rt/tls.c): the program's PT_TLS image
 * per thread, i386 variant II (doc/platform-mach.md, "Threads, locks,
 * time"). _start sets it up for the task's first thread
 * (mach_rt_tls_first); the thread library for each thread it starts.
 *
 * mach_rt_tls_span: bytes a thread's TLS block and TCB take below some
 * top address, alignment included; 0 if the program has no
 * _Thread_local variable (then nothing else is needed).
 * mach_rt_tls_place: lays out the block and TCB below top (within span
 * bytes of it) with the initial values; returns the thread pointer, 0
 * without TLS.
 * mach_rt_tls_bind: gives thread (BORROWED) a GDT descriptor based at the
 * thread pointer tp; *gs gets the selector to load into %gs (the calling
 * thread) or into a new thread's initial state. The descriptor ends with
 * the kernel thread.
 */
size_t mach_rt_tls_span(void);
uintptr_t mach_rt_tls_place(uintptr_t top);
kern_return_t mach_rt_tls_bind(mach_port_t thread, uintptr_t tp, unsigned short *gs);
void mach_rt_tls_first(void); /* _start's, before mach_rt_main */

/*
 * Send the diagnostics to sink instead (a component's stray output to
 * core, which logs them under its label), at most 128 bytes per line.
 */
typedef void (*mach_rt_diag_sink_t)(const char *text, size_t len);
void mach_rt_diag_route(mach_rt_diag_sink_t sink);

/*
 * End the task as aborted (base-mach/rt/abort.c): a BOUND instruction out
 * of its bounds, which GNU Mach raises as EXC_SOFTWARE with code
 * EXC_I386_BOUND and core's exception server reports as "aborted"
 * (EXIT_REASON_ABORTED). gcc never emits BOUND, so no ordinary fault
 * looks like it. The calling thread stops there for good: core ends the
 * task (a thread whose exception port is the component's fault handler
 * gets there too, the handler passes it on).
 */
_Noreturn void mach_rt_abort(void);

/* the program's entry after _start; never returns */
_Noreturn void mach_rt_main(int argc, char **argv);

#endif /* _BASE_MACH__INCLUDE__MACH_RT_H_ */
