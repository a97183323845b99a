/*
 * \brief  The component's fault handler thread (include/base/fault_mach.h)
 *
 * Why a thread of the component and not core: only the component knows
 * its threads' slots (a guard fault is an overflow only if the faulting
 * thread's stack pointer lies in the same slot, and the report names the
 * thread from its control block) and its local region map (where a
 * managed dataspace is attached in its own address space). core still
 * hears every fault the handler leaves: GNU Mach tries the task's
 * exception port when the thread's port answers with an error.
 *
 * The handler serves the exception messages by hand (exc.defs'
 * exception_raise, id 2400, answered with id 2500): MIG's server stub
 * would call catch_exception_raise, which core defines for its own port.
 */

#include <base/ep_mach.h> /* mach_msg_destroy */
#include <base/fault_mach.h>
#include <base/internal/thread_context.h>
#include <base/thread.h>
#include <mach/exception.h>
#include <mach/i386/thread_status.h>
#include <mach_gen/mach.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>
#include <util/string.h>

#include "fault_access.h"

enum { EXC_RAISE_ID = 2400, EXC_REPLY_OFFSET = 100 };

#pragma pack(push, 4)
struct exc_request {
	mach_msg_header_t head;
	mach_msg_type_t thread_type;
	mach_port_t thread; /* OWNED by the handler once received */
	mach_msg_type_t task_type;
	mach_port_t task; /* OWNED likewise */
	mach_msg_type_t exception_type;
	integer_t exception;
	mach_msg_type_t code_type;
	integer_t code;
	mach_msg_type_t subcode_type;
	integer_t subcode;
};

struct exc_reply {
	mach_msg_header_t head;
	mach_msg_type_t ret_type;
	kern_return_t ret;
};
#pragma pack(pop)

static mach_fault_resolve_fn fault_resolver;

void
mach_fault_resolver_set(mach_fault_resolve_fn fn)
{
	__atomic_store_n(&fault_resolver, fn, __ATOMIC_RELEASE);
}

static bool
item_is(const mach_msg_type_t *t, unsigned name)
{
	return t->msgt_name == name && t->msgt_size == 32 && t->msgt_number == 1 &&
	       t->msgt_inline && !t->msgt_longform && !t->msgt_deallocate;
}

/* exactly what the kernel sends; anything else is destroyed unanswered */
static bool
exc_request_valid(const struct exc_request *r, mach_msg_size_t size)
{
	return r->head.msgh_id == EXC_RAISE_ID && size == sizeof(*r) &&
	       (r->head.msgh_bits & MACH_MSGH_BITS_COMPLEX) &&
	       MACH_MSGH_BITS_REMOTE(r->head.msgh_bits) == MACH_MSG_TYPE_PORT_SEND_ONCE &&
	       item_is(&r->thread_type, MACH_MSG_TYPE_PORT_SEND) &&
	       item_is(&r->task_type, MACH_MSG_TYPE_PORT_SEND) &&
	       item_is(&r->exception_type, MACH_MSG_TYPE_INTEGER_32) &&
	       item_is(&r->code_type, MACH_MSG_TYPE_INTEGER_32) &&
	       item_is(&r->subcode_type, MACH_MSG_TYPE_INTEGER_32);
}

/* the faulting thread's registers; false if the kernel does not say */
static bool
fault_state(mach_port_t thread, struct i386_thread_state *st)
{
	mach_msg_type_number_t count = i386_THREAD_STATE_COUNT;

	return thread_get_state(thread, i386_THREAD_STATE, (thread_state_t)st, &count) ==
	       KERN_SUCCESS;
}

/* readable already: the access that faulted wrote (or executed) */
static bool
fault_page_readable(uintptr_t addr)
{
	vm_address_t start = addr;
	vm_size_t size = 0;
	vm_prot_t prot = VM_PROT_NONE, max = VM_PROT_NONE;
	vm_inherit_t inherit;
	boolean_t shared;
	mach_port_t name = MACH_PORT_NULL;
	vm_offset_t offset;

	if (vm_region(mach_task_self(), &start, &size, &prot, &max, &inherit, &shared, &name,
	              &offset) != KERN_SUCCESS)
		return false;
	if (name != MACH_PORT_NULL)
		(void)syscall_mach_port_deallocate(mach_task_self(), name);
	return start <= addr && (prot & VM_PROT_READ);
}

/* Linux's line (base-linux/thread/overflow.c), then the task aborts */
static _Noreturn void
fault_overflow_die(const struct thread *t)
{
	static const char head[] = "Error: stack overflow in thread \"";
	char msg[sizeof(head) + THREAD_NAME_MAX + 3];
	size_t n = str_copy(msg, head, sizeof(msg));

	n += str_copy(msg + n, t->name, sizeof(msg) - n);
	(void)str_copy(msg + n, "\"\n", sizeof(msg) - n);
	mach_rt_diag(msg);
	/* our exception port is core's: it ends the task and reports "aborted" */
	mach_rt_abort();
}

/* KERN_SUCCESS: repeat the access; anything else: the kernel asks core */
static kern_return_t
fault_handle(const struct exc_request *r)
{
	if (r->exception != EXC_BAD_ACCESS)
		return KERN_FAILURE;
	uintptr_t addr = (uintptr_t)(uint32_t)r->subcode;
	struct i386_thread_state st;
	if (!fault_state(r->thread, &st))
		return KERN_FAILURE;
	struct thread *t = thread_context_overflowed(addr, st.uesp);
	if (t)
		fault_overflow_die(t);
	mach_fault_resolve_fn fn = __atomic_load_n(&fault_resolver, __ATOMIC_ACQUIRE);
	bool write = fault_access_was_write(st.eip, addr) || fault_page_readable(addr);
	return fn && fn(addr, write) == STATUS_OK ? KERN_SUCCESS : KERN_FAILURE;
}

static void
fault_answer(const struct exc_request *r, kern_return_t kr)
{
	struct exc_reply out = {
	        .head = {.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_MOVE_SEND_ONCE, 0),
	                 .msgh_size = sizeof(out),
	                 .msgh_remote_port = r->head.msgh_remote_port,
	                 .msgh_id = r->head.msgh_id + EXC_REPLY_OFFSET},
	        .ret_type = {.msgt_name = MACH_MSG_TYPE_INTEGER_32,
	                     .msgt_size = 32,
	                     .msgt_number = 1,
	                     .msgt_inline = TRUE},
	        .ret = kr,
	};
	/* a send-once right never blocks; if it fails, the kernel sees the right destroyed */
	if (mach_msg(&out.head, MACH_SEND_MSG, sizeof(out), 0, MACH_PORT_NULL, 0, MACH_PORT_NULL) !=
	    MACH_MSG_SUCCESS)
		mach_msg_destroy(&out.head);
}

static void
fault_serve(void *arg)
{
	mach_port_t port = (mach_port_t)(uintptr_t)arg;
	union {
		struct exc_request r;
		char space[sizeof(struct exc_request) + 64];
	} in;

	for (;;) {
		if (mach_msg(&in.r.head, MACH_RCV_MSG, 0, sizeof(in), port, 0, MACH_PORT_NULL) !=
		    MACH_MSG_SUCCESS)
			continue; /* too large: the kernel destroyed it */
		if (!exc_request_valid(&in.r, in.r.head.msgh_size)) {
			mach_msg_destroy(&in.r.head);
			continue;
		}
		fault_answer(&in.r, fault_handle(&in.r));
		(void)syscall_mach_port_deallocate(mach_task_self(), in.r.thread);
		(void)syscall_mach_port_deallocate(mach_task_self(), in.r.task);
	}
}

status_t
mach_fault_handler_start(void)
{
	mach_port_t self = mach_task_self(), port, me;
	struct thread *t;

	if (syscall_mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &port) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	if (syscall_mach_port_insert_right(self, port, port, MACH_MSG_TYPE_MAKE_SEND) !=
	            KERN_SUCCESS ||
	    thread_create("fault", 0, fault_serve, (void *)(uintptr_t)port, &t) != STATUS_OK) {
		(void)mach_port_destroy(self, port);
		return STATUS_OUT_OF_MEMORY;
	}
	/* the handler starts without the port: a fault of its own must not wait for itself */
	if (thread_start(t) != STATUS_OK) {
		(void)mach_port_destroy(self, port); /* the slot stays taken: it never ran */
		return STATUS_OUT_OF_MEMORY;
	}
	mach_fault_port_set(port); /* BORROWED for good by every thread started from now on */
	me = mach_thread_self();
	mach_fault_thread_attach(me);
	(void)syscall_mach_port_deallocate(self, me);
	return STATUS_OK;
}
