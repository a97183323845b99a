/*
 * \brief  How a process ended, in words every platform can say
 *
 * A kernel reports a process's end in its own terms (Linux: a signal
 * number from waitid; GNU Mach: an exception message to core; some
 * kernels nothing but "gone"). Generic code sees only these reasons. The
 * exit value is not among them: a component reports it itself, through
 * its parent's exit call (env_exit), because not every kernel keeps one.
 * A process that ended on its own without that report simply has no
 * exit value (EXIT_REASON_EXITED alone).
 *
 * Where the platform knows the faulting address of a page fault, it is
 * reported beside the reason (exit_fault.addr_known); otherwise not.
 */

#ifndef _INCLUDE__BASE__EXIT_REASON_H_
#define _INCLUDE__BASE__EXIT_REASON_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <util/format.h>

enum exit_reason {
	EXIT_REASON_EXITED = 0,          /* ended on its own, no fault */
	EXIT_REASON_PAGE_FAULT,          /* an access its address space does not allow */
	EXIT_REASON_ILLEGAL_INSTRUCTION, /* an instruction the CPU refused */
	EXIT_REASON_ARITHMETIC,          /* e.g. an integer division by zero */
	EXIT_REASON_BREAKPOINT,          /* a trap instruction nobody handled */
	EXIT_REASON_ABORTED,             /* it ended itself abnormally (abort, stack overflow) */
	EXIT_REASON_KILLED,              /* ended from outside (its parent, an operator) */
	EXIT_REASON_OUT_OF_MEMORY,       /* ended for using more memory than its RAM quota */
	EXIT_REASON_FORBIDDEN_CALL,      /* a kernel call its confinement forbids */
	EXIT_REASON_UNKNOWN,             /* the platform cannot tell */
	EXIT_REASON_COUNT
};

/* what the platform knows of a process's end */
struct exit_fault {
	enum exit_reason reason;
	bool addr_known; /* only for EXIT_REASON_PAGE_FAULT */
	uint64_t addr;   /* the faulting address, if addr_known */
};

/* a value off the wire that names no reason counts as EXIT_REASON_UNKNOWN */
static inline enum exit_reason
exit_reason_checked(uint32_t value)
{
	return value < EXIT_REASON_COUNT ? (enum exit_reason)value : EXIT_REASON_UNKNOWN;
}

/* the reason's name as init's log shows it ("page fault", "killed", ...) */
static inline const char *
exit_reason_name(enum exit_reason r)
{
	static const char *const names[EXIT_REASON_COUNT] = {
	        [EXIT_REASON_EXITED] = "exited",
	        [EXIT_REASON_PAGE_FAULT] = "page fault",
	        [EXIT_REASON_ILLEGAL_INSTRUCTION] = "illegal instruction",
	        [EXIT_REASON_ARITHMETIC] = "arithmetic fault",
	        [EXIT_REASON_BREAKPOINT] = "breakpoint",
	        [EXIT_REASON_ABORTED] = "aborted",
	        [EXIT_REASON_KILLED] = "killed",
	        [EXIT_REASON_OUT_OF_MEMORY] = "out of memory (RAM quota exceeded)",
	        [EXIT_REASON_FORBIDDEN_CALL] = "forbidden system call",
	        [EXIT_REASON_UNKNOWN] = "unknown fault",
	};
	return (unsigned)r < EXIT_REASON_COUNT ? names[r] : names[EXIT_REASON_UNKNOWN];
}

enum { EXIT_FAULT_TEXT_MAX = 64 };

/* "page fault at 0x1000" where the address is known, else the name */
static inline void
exit_fault_describe(const struct exit_fault *f, char *text, size_t size)
{
	if (f->reason == EXIT_REASON_PAGE_FAULT && f->addr_known)
		format_string(text, size, "%s at 0x%llx", exit_reason_name(f->reason),
		              (unsigned long long)f->addr);
	else
		format_string(text, size, "%s", exit_reason_name(f->reason));
}

#endif /* _INCLUDE__BASE__EXIT_REASON_H_ */
