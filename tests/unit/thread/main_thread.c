/*
 * \brief  The main thread inside the context area (thread_main_enter)
 */

#include <stdint.h>
#include <string.h>

#include <base/internal/thread_context.h>
#include <base/thread.h>

#include "../../harness/harness.h"
#include "cases.h"

struct main_probe {
	struct thread *myself;
	char name[THREAD_NAME_MAX + 1];
	void *tls;
	status_t nested, join_self, child_create, child_join;
	int child_ran;
};

static void
child_entry(void *arg)
{
	struct main_probe *p = arg;
	p->child_ran++;
}

static void
main_entry(void *arg)
{
	struct main_probe *p = arg;
	struct thread *me = thread_myself();
	struct thread *child = NULL;

	p->myself = me;
	strcpy(p->name, thread_name(me));
	thread_tls_set(me, p);
	p->tls = thread_tls_get(thread_myself());
	p->join_self = thread_join(me);

	p->child_create = thread_create("child-of-main", 0, child_entry, p, &child);
	if (p->child_create == STATUS_OK) {
		thread_start(child);
		p->child_join = thread_join(child);
	}
}

void
thread_main_myself(void)
{
	struct main_probe p = {0};

	CHECK(thread_myself() == NULL);
	CHECK_EQ(thread_main_enter(main_entry, &p), STATUS_OK);
	CHECK(thread_myself() == NULL); /* back on the process stack */

	uintptr_t main_control = THREAD_AREA_BASE + THREAD_SLOT_SIZE - THREAD_CONTROL_SIZE;
	CHECK_EQ((uintptr_t)p.myself, main_control);
	CHECK_STR(p.name, "main");
	CHECK(p.tls == &p);
	CHECK_EQ(p.join_self, STATUS_INVALID_ARGS);
	CHECK_EQ(p.child_create, STATUS_OK);
	CHECK_EQ(p.child_join, STATUS_OK);
	CHECK_EQ(p.child_ran, 1);
}

static void
nested_entry(void *arg)
{
	*(status_t *)arg = thread_main_enter(nested_entry, arg);
}

void
thread_main_nested(void)
{
	status_t nested = STATUS_OK;
	CHECK_EQ(thread_main_enter(nested_entry, &nested), STATUS_OK);
	CHECK_EQ(nested, STATUS_CONFLICT);
	CHECK_EQ(thread_main_enter(NULL, NULL), STATUS_INVALID_ARGS);

	/* the main slot is free again */
	struct main_probe p = {0};
	CHECK_EQ(thread_main_enter(main_entry, &p), STATUS_OK);
	CHECK_STR(p.name, "main");
}
