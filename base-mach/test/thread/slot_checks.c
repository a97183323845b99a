/*
 * \brief  A closed slot drops its contents and gives its memory back
 */

#include <base/blockade.h>
#include <base/internal/thread_context.h>
#include <base/semaphore.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>
#include <util/string.h>

#include "test_thread.h"

#define TOUCH_BYTES (512u * 1024u)

struct marker {
	uint32_t *addr;
	uint32_t seen;
	struct thread *t;
};

static void
marker_write(void *arg)
{
	struct marker *m = arg;

	m->addr = (uint32_t *)(thread_myself()->stack_lo + 64); /* deep below the live frames */
	*m->addr = 0xdeadbeef;
}

static void
marker_read(void *arg)
{
	struct marker *m = arg;

	m->seen = *m->addr;
}

static void
reuse_checks(void)
{
	struct marker m = {0};
	struct thread *a = NULL, *b = NULL;

	if (thread_create("writer", 0, marker_write, &m, &a) == STATUS_OK &&
	    thread_start(a) == STATUS_OK)
		thread_join(a);
	m.seen = 0xffffffff;
	if (m.addr && thread_create("reader", 0, marker_read, &m, &b) == STATUS_OK &&
	    thread_start(b) == STATUS_OK)
		thread_join(b);
	check(a && a == b && m.seen == 0, "slot: reopened for the next thread, it reads zero",
	      "same slot %d, read 0x%x", a == b, (unsigned)m.seen);
}

struct toucher {
	struct semaphore touched;
	struct blockade go;
};

static void
toucher_run(void *arg)
{
	struct toucher *x = arg;

	mem_set((void *)thread_myself()->stack_lo, 1, TOUCH_BYTES); /* far below our frames */
	semaphore_up(&x->touched);
	(void)blockade_block(&x->go, BLOCKADE_FOREVER);
}

static int
free_pages(void)
{
	vm_statistics_data_t st;

	return vm_statistics(mach_task_self(), &st) == KERN_SUCCESS ? st.free_count : -1;
}

/* one thread that touches TOUCH_BYTES of its stack; free pages while it is alive */
static int
touch_cycle(void)
{
	struct toucher x;
	struct thread *t = NULL;
	int during = -1;

	semaphore_init(&x.touched, 0);
	blockade_init(&x.go);
	if (thread_create("toucher", TOUCH_BYTES + 256u * 1024u, toucher_run, &x, &t) !=
	            STATUS_OK ||
	    thread_start(t) != STATUS_OK)
		return -1;
	semaphore_down(&x.touched);
	during = free_pages();
	blockade_wakeup(&x.go);
	thread_join(t);
	return during;
}

/*
 * The kernel keeps a few freed pages in a cache that free_count does not
 * show, and the first use of a range costs page tables: the first cycle
 * settles that, the second is measured.
 */
static void
memory_checks(void)
{
	(void)touch_cycle();
	int before = free_pages();
	int during = touch_cycle();
	int after = free_pages();

	/* 128 pages touched; a few may come and go in the kernel meanwhile */
	check(during >= 0 && before - during >= 64 && before - after <= 16,
	      "slot: closing it frees the pages its thread touched", "free pages %d, %d, %d",
	      before, during, after);
}

void
slot_checks(void)
{
	reuse_checks();
	memory_checks();
}
