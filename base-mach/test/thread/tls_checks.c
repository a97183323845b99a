/*
 * \brief  Checks of thread-local storage: each thread its own copy
 *
 * Two _Thread_local variables, one with an initial value (.tdata) and one
 * without (.tbss). The main thread writes its values on the first stack,
 * before thread_main_enter: they must hold on slot 0 and after the return.
 * Three threads run at once, each must start with the initial values and
 * keep its own while the others write theirs; a thread on a reused slot
 * must start fresh again.
 */

#include <base/internal/thread_context.h>
#include <base/thread.h>
#include <mach_rt.h>

#include "test_thread.h"

#define TDATA_INIT 0x5eed1234u
#define WORKERS    3
#define ROUNDS     50

static _Thread_local uint32_t tls_data = TDATA_INIT;
static _Thread_local uint32_t tls_bss;

struct tls_worker {
	struct thread *t;
	uint32_t mark;           /* the value this thread writes */
	bool fresh, kept, local; /* initial values seen, own values kept, copy in own slot */
};

/* %gs:0, the TCB's word that holds its own address */
static uintptr_t
tls_self(void)
{
	uintptr_t tp;

	__asm__ volatile("movl %%gs:0, %0" : "=r"(tp));
	return tp;
}

static void
tls_work(void *arg)
{
	struct tls_worker *w = arg;
	uintptr_t cb = (uintptr_t)w->t, at = (uintptr_t)&tls_data;

	w->fresh = tls_data == TDATA_INIT && tls_bss == 0;
	w->local = at >= w->t->stack_hi && at < cb && tls_self() > at && tls_self() < cb;
	w->kept = true;
	for (unsigned i = 0; i < ROUNDS; i++) {
		tls_data = w->mark + i;
		tls_bss = ~(w->mark + i);
		(void)swtch_pri(0); /* let the others write theirs */
		w->kept = w->kept && tls_data == w->mark + i && tls_bss == ~(w->mark + i);
	}
}

static unsigned
tls_round(struct tls_worker *w, unsigned n)
{
	unsigned ok = 0;

	for (unsigned i = 0; i < n; i++)
		if (thread_create("tls", 0, tls_work, &w[i], &w[i].t) != STATUS_OK ||
		    thread_start(w[i].t) != STATUS_OK)
			w[i].t = NULL;
	/* the verdicts live in w, not in the slot: readable after the join */
	for (unsigned i = 0; i < n; i++)
		if (w[i].t && thread_join(w[i].t) == STATUS_OK && w[i].fresh && w[i].kept &&
		    w[i].local)
			ok++;
	return ok;
}

void
tls_checks_first(void)
{
	bool fresh = tls_data == TDATA_INIT && tls_bss == 0;

	check(fresh && tls_self() != 0, "tls: first thread starts with .tdata and zero .tbss",
	      "data 0x%x, bss 0x%x, tp 0x%lx", (unsigned)tls_data, (unsigned)tls_bss,
	      (unsigned long)tls_self());
	tls_data = 0x11110000u;
	tls_bss = 0x2222u;
}

void
tls_checks_main_slot(void)
{
	struct tls_worker w[WORKERS] = {
	        {.mark = 0x100000u}, {.mark = 0x200000u}, {.mark = 0x300000u}};
	struct tls_worker again = {.mark = 0x400000u};

	check(tls_data == 0x11110000u && tls_bss == 0x2222u, "tls: main keeps its values on slot 0",
	      "data 0x%x, bss 0x%x", (unsigned)tls_data, (unsigned)tls_bss);
	unsigned ok = tls_round(w, WORKERS);
	check(ok == WORKERS, "tls: 3 threads at once, each its own fresh copy in its slot",
	      "%u of 3 (fresh %d%d%d, kept %d%d%d, local %d%d%d)", ok, w[0].fresh, w[1].fresh,
	      w[2].fresh, w[0].kept, w[1].kept, w[2].kept, w[0].local, w[1].local, w[2].local);
	ok = tls_round(&again, 1);
	check(ok == 1 && tls_data == 0x11110000u && tls_bss == 0x2222u,
	      "tls: a reused slot starts fresh; main's values untouched", "fresh %d, main 0x%x",
	      again.fresh, (unsigned)tls_data);
	tls_data = 0x33330000u;
}

void
tls_checks_after(void)
{
	check(tls_data == 0x33330000u && tls_bss == 0x2222u,
	      "tls: main's values hold after thread_main_enter returned", "data 0x%x, bss 0x%x",
	      (unsigned)tls_data, (unsigned)tls_bss);
}
