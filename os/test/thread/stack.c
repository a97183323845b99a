/*
 * \brief  test-thread: stack alignment, the main thread's stack, overflow
 *
 * The System V ABI wants the stack 16-byte aligned at every call. A
 * varargs function that takes doubles stores the SSE argument registers
 * with aligned moves in its prologue, so a misaligned thread entry would
 * fault there rather than go unnoticed.
 */

#include <stdarg.h>

#include <base/internal/thread_context.h>
#include <base/log.h>
#include <util/string.h>

#include "test.h"

bool
in_slot(const struct thread *t, uintptr_t addr)
{
	/* the control block is at the top of its slot, the stack below */
	uintptr_t top = (uintptr_t)t;
	return t && addr < top && top - addr < THREAD_SLOT_SIZE;
}

/*
 * Whether the stack pointer had the ABI's alignment at this call: the
 * compiler lays out a 16-aligned local relying on it (it realigns only
 * for more than the ABI gives), so the local's address shows a
 * misaligned entry on any architecture. The frame address does not:
 * where it lies relative to the call differs (x86_64: 16n, i386: 16n+8).
 */
static __attribute__((noinline)) bool
stack_aligned(void)
{
	_Alignas(16) char probe[16];
	volatile uintptr_t at = (uintptr_t)probe;
	return at % 16 == 0;
}

static __attribute__((noinline)) double
sum_doubles(int count, ...)
{
	va_list ap;
	double sum = 0;

	va_start(ap, count);
	for (int i = 0; i < count; i++)
		sum += va_arg(ap, double);
	va_end(ap);
	return sum;
}

struct align_probe {
	bool aligned, in_own_slot;
	double sum;
};

static __attribute__((noinline)) void
align_entry(void *arg)
{
	struct align_probe *p = arg;
	uintptr_t frame = (uintptr_t)__builtin_frame_address(0);

	p->aligned = stack_aligned();
	p->in_own_slot = in_slot(thread_myself(), frame);
	p->sum = sum_doubles(5, 0.5, 1.25, 2.0, 4.25, -1.0);
}

static void
expect_probe(const struct align_probe *p)
{
	EXPECT(p->aligned);
	EXPECT(p->in_own_slot);
	EXPECT(p->sum == 7.0);
}

void
check_stack_alignment(void)
{
	/* odd stack sizes must not disturb the alignment */
	static const size_t sizes[] = {0, 20000, 65536 + 8, 300000 + 3};

	for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		struct align_probe p = {0};
		struct thread *t;
		if (!EXPECT_OK(thread_create("align", sizes[i], align_entry, &p, &t)))
			continue;
		EXPECT_OK(thread_start(t));
		EXPECT_OK(thread_join(t));
		expect_probe(&p);
	}
	struct align_probe p = {0};
	align_entry(&p); /* the main thread, in the context area */
	expect_probe(&p);
	log_print("stack alignment ok for varargs with doubles");
}

void
check_main_in_context(void)
{
	struct thread *me = thread_myself();
	int local = 0;

	EXPECT(me != 0);
	if (!me)
		return;
	EXPECT(str_equal(thread_name(me), "main"));
	EXPECT(in_slot(me, (uintptr_t)&local));
	/* the main thread cannot be joined, not even by itself */
	EXPECT(thread_join(me) == STATUS_INVALID_ARGS);
	log_print("main thread's stack lies inside its context slot");
}

static volatile unsigned depth_limit = ~0u;

/* not a tail call: the read of pad after the call keeps every frame alive */
static __attribute__((noinline)) unsigned
recurse(unsigned depth)
{
	volatile char pad[256];

	pad[0] = (char)depth;
	if (depth >= depth_limit)
		return 0;
	return recurse(depth + 1) + (unsigned)pad[0];
}

static void
recurse_entry(void *arg)
{
	*(volatile unsigned *)arg = recurse(0);
}

void
overflow_thread(void)
{
	unsigned result = 0;
	struct thread *t;

	if (EXPECT_OK(thread_create("stack-eater", 16 * 1024, recurse_entry, &result, &t)) &&
	    EXPECT_OK(thread_start(t)))
		thread_join(t);
	log_error("thread \"stack-eater\" survived its stack overflow");
}
