/*
 * \brief  Stack alignment and usable stack size of context-area threads
 *
 * The System V ABI wants the stack 16-byte aligned at every call. A misaligned entry
 * breaks code that spills SSE registers with aligned moves, which gcc does
 * in the prologue of a varargs function taking doubles, so calling one
 * with doubles (and checking the result) catches it at run time.
 */

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <base/thread.h>

#include "../../harness/harness.h"
#include "cases.h"

struct align_probe {
	int frame_aligned;
	double sum;
	char text[64];
};

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

static __attribute__((noinline)) void
align_entry(void *arg)
{
	struct align_probe *p = arg;

	p->frame_aligned = stack_aligned();
	p->sum = sum_doubles(4, 0.5, 1.25, 2.0, 4.25);
	snprintf(p->text, sizeof(p->text), "%.3f %.2e", 3.14159, 1.5e10);
}

static void
check_probe(const struct align_probe *p)
{
	CHECK(p->frame_aligned);
	CHECK(p->sum == 8.0);
	CHECK_STR(p->text, "3.142 1.50e+10");
}

void
thread_stack_aligned(void)
{
	/* odd stack sizes must not disturb the alignment */
	size_t sizes[] = {0, 20000, 65536 + 8, 300000};

	for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		struct align_probe p = {0};
		struct thread *t;
		CHECK_EQ(thread_create("align", sizes[i], align_entry, &p, &t), STATUS_OK);
		CHECK_EQ(thread_start(t), STATUS_OK);
		CHECK_EQ(thread_join(t), STATUS_OK);
		check_probe(&p);
	}

	struct align_probe p = {0};
	CHECK_EQ(thread_main_enter(align_entry, &p), STATUS_OK);
	check_probe(&p);
}

struct usage {
	size_t bytes;
	unsigned sum;
};

/* touch bytes of stack in one frame (a VLA), well within the stack size */
static __attribute__((noinline)) void
use_stack(void *arg)
{
	struct usage *u = arg;
	volatile unsigned char area[u->bytes];
	for (size_t i = 0; i < u->bytes; i += 512)
		area[i] = (unsigned char)(i / 512 + 1);
	for (size_t i = 0; i < u->bytes; i += 512)
		u->sum += area[i];
}

void
thread_stack_usable(void)
{
	size_t sizes[][2] = {{64 * 1024, 40 * 1024}, {512 * 1024, 440 * 1024}};

	for (unsigned i = 0; i < 2; i++) {
		struct usage u = {sizes[i][1], 0};
		struct thread *t;
		CHECK_EQ(thread_create("user", sizes[i][0], use_stack, &u, &t), STATUS_OK);
		CHECK_EQ(thread_start(t), STATUS_OK);
		CHECK_EQ(thread_join(t), STATUS_OK);
		CHECK(u.sum > 0);
	}
}
