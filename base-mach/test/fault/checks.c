/*
 * \brief  test-mach_fault's checks: resolved, passed on, overflowed
 *
 * Workers that must not come back (their fault is passed on, or they
 * overflow) are ended with thread_terminate once their exception arrived
 * at the task's port, before the message's reply right goes: the kernel
 * would otherwise look for the next exception server and, finding none,
 * end the whole task (doc/platform-mach.md, "Memory and dataspaces").
 * Their slots stay taken; the test ends soon after.
 */

#include <base/ep_mach.h>
#include <base/fault_mach.h>
#include <base/thread.h>
#include <mach/exception.h>
#include <mach/i386/exception.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>
#include <util/format.h>
#include <util/string.h>

#include "../../thread/mach_thread.h"
#include "test.h"

enum { PAGE = 4096, EXC_RAISE_ID = 2400, EXC_WAIT_MS = 60000, WILD_ADDR = 0xdead0000u };

struct exc_msg {
	mach_msg_header_t head;
	mach_msg_type_t thread_type;
	mach_port_t thread;
	mach_msg_type_t task_type;
	mach_port_t task;
	mach_msg_type_t exception_type;
	integer_t exception;
	mach_msg_type_t code_type;
	integer_t code;
	mach_msg_type_t subcode_type;
	integer_t subcode;
	char spare[64];
};

/* written by the handler's thread while the faulting one waits: volatile for the latter */
static vm_address_t page;
static volatile unsigned resolves;
static volatile uintptr_t resolved_addr;
static volatile bool resolved_write;

/* makes the test page as accessible as the access needs; any other address is no business of ours
 */
static status_t
resolve(uintptr_t addr, bool write)
{
	resolves++;
	resolved_addr = addr;
	resolved_write = write;
	if (addr - page >= PAGE)
		return STATUS_NOT_FOUND;
	vm_prot_t prot = write ? VM_PROT_READ | VM_PROT_WRITE : VM_PROT_READ;
	return vm_protect(mach_task_self(), page, PAGE, FALSE, prot) == KERN_SUCCESS
	               ? STATUS_OK
	               : STATUS_DENIED;
}

/* the page inaccessible again; true if the next access wrote (by its instruction) */
static bool
hole_again(void)
{
	resolves = 0;
	resolved_write = false;
	return vm_protect(mach_task_self(), page, PAGE, FALSE, VM_PROT_NONE) == KERN_SUCCESS;
}

/* GNU Mach does not say whether an access wrote: the handler reads the instruction */
static void
hole_write_checks(volatile uint32_t *word)
{
	bool ok = hole_again();
	word[2] = 9;
	check(ok && word[2] == 9 && resolves == 1 && resolved_write,
	      "a mov into an inaccessible page is resolved as a write", "");
	ok = hole_again();
	uint32_t v = __atomic_add_fetch(&word[2], 1, __ATOMIC_RELAXED);
	check(ok && v == 10 && resolves == 1 && resolved_write,
	      "a locked xadd into an inaccessible page is resolved as a write", "");
	ok = hole_again();
	v = word[2] + word[3];
	check(ok && v == 10 && resolves == 1 && !resolved_write,
	      "an add from an inaccessible page is resolved as a read", "");
}

void
resolver_checks(void)
{
	char detail[96];
	volatile uint32_t *word;

	check(vm_allocate(mach_task_self(), &page, PAGE, TRUE) == KERN_SUCCESS &&
	              vm_protect(mach_task_self(), page, PAGE, FALSE, VM_PROT_NONE) == KERN_SUCCESS,
	      "setup: an inaccessible page", "");
	mach_fault_resolver_set(resolve);
	word = (volatile uint32_t *)(page + 8);
	uint32_t v = *word;
	format_string(detail, sizeof(detail), "value %u, %u calls, addr 0x%lx, write %d", v,
	              resolves, (unsigned long)resolved_addr, resolved_write);
	check(v == 0 && resolves == 1 && resolved_addr == (uintptr_t)word && !resolved_write,
	      "a read of an inaccessible page is resolved as a read and repeated", detail);
	word[1] = 7;
	format_string(detail, sizeof(detail), "value %u, %u calls, addr 0x%lx, write %d", word[1],
	              resolves, (unsigned long)resolved_addr, resolved_write);
	check(word[1] == 7 && resolves == 2 && resolved_addr == (uintptr_t)&word[1] &&
	              resolved_write,
	      "a write to a read-only page is resolved as a write and repeated", detail);
	hole_write_checks(word);
}

/* the next exception at the task's port (core's place) */
static bool
exc_receive(struct exc_msg *m)
{
	return mach_msg(&m->head, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof(*m), test_task_exc,
	                EXC_WAIT_MS, MACH_PORT_NULL) == MACH_MSG_SUCCESS &&
	       m->head.msgh_id == EXC_RAISE_ID;
}

/* end the thread that raised it, then drop the message's rights unanswered */
static void
exc_end(struct exc_msg *m)
{
	(void)thread_terminate(m->thread);
	mach_msg_destroy(&m->head);
}

static void
wild_entry(void *arg)
{
	(void)arg;
	(void)*(volatile uint32_t *)WILD_ADDR;
}

static void
abort_entry(void *arg)
{
	(void)arg;
	mach_rt_abort();
}

static struct thread *
worker_start(const char *name, thread_entry_t entry)
{
	struct thread *t = 0;

	if (thread_create(name, 16 * 1024, entry, 0, &t) != STATUS_OK)
		return 0;
	return thread_start(t) == STATUS_OK ? t : 0;
}

/* a worker's exception as it reaches the task's port; true if it came from the worker */
static bool
worker_exception(const char *name, thread_entry_t entry, struct exc_msg *m)
{
	struct thread *t = worker_start(name, entry);
	bool got = t && exc_receive(m);

	if (!got)
		return false;
	bool from_worker = m->thread == mach_thread_of(t)->kthread;
	exc_end(m);
	return from_worker;
}

void
passed_on_checks(void)
{
	struct exc_msg m = {0};
	char detail[96];
	bool ok = worker_exception("wild", wild_entry, &m);

	format_string(detail, sizeof(detail), "exception %d, code %d, subcode 0x%x", m.exception,
	              m.code, (unsigned)m.subcode);
	check(ok && m.exception == EXC_BAD_ACCESS && (uint32_t)m.subcode == WILD_ADDR &&
	              resolved_addr == WILD_ADDR,
	      "a fault the resolver refuses reaches the task's port as it came", detail);
	m = (struct exc_msg){0};
	ok = worker_exception("aborter", abort_entry, &m);
	format_string(detail, sizeof(detail), "exception %d, code %d", m.exception, m.code);
	check(ok && m.exception == EXC_SOFTWARE && m.code == EXC_I386_BOUND,
	      "mach_rt_abort reaches the task's port as EXC_SOFTWARE, EXC_I386_BOUND", detail);
}

static char reported[160];

static void
report_capture(const char *text, size_t len)
{
	(void)str_copy_counted(reported, sizeof(reported), text, len);
}

/* far beyond the 16 KiB stack; volatile so that the compiler cannot bound the recursion */
static volatile unsigned depth_limit = 1u << 20;

static unsigned
recurse(unsigned depth)
{
	volatile char pad[256];

	pad[0] = (char)depth;
	if (depth >= depth_limit)
		return 0;
	return recurse(depth + 1) + (unsigned)pad[0];
}

static void
eater_entry(void *arg)
{
	(void)arg;
	(void)recurse(0);
}

void
overflow_checks(void)
{
	struct exc_msg m = {0};
	struct thread *t;

	mach_rt_diag_route(report_capture);
	t = worker_start("eater", eater_entry);
	bool got = t && exc_receive(&m);
	check(got && str_equal(reported, "Error: stack overflow in thread \"eater\"\n"),
	      "a guard fault is reported as the thread's stack overflow", reported);
	check(got && m.exception == EXC_SOFTWARE && m.code == EXC_I386_BOUND &&
	              m.thread != mach_thread_of(t)->kthread,
	      "then the handler aborts the task (EXC_SOFTWARE, EXC_I386_BOUND)", "");
	if (got) {
		exc_end(&m); /* the handler */
		(void)thread_terminate(mach_thread_of(t)->kthread);
	}
	mach_rt_diag_route(0);
}
