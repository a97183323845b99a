/*
 * \brief  Thread life cycle: create, start, join, name, TLS, slot reuse
 */

#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <base/internal/thread_context.h>
#include <base/thread.h>

#include "../../harness/harness.h"
#include "cases.h"

struct probe {
	struct thread *handle; /* what thread_create returned */
	struct thread *myself; /* what the thread saw */
	char name[THREAD_NAME_MAX + 1];
	void *tls_before, *tls_after;
	int ran;
};

static void
probe_entry(void *arg)
{
	struct probe *p = arg;
	struct thread *me = thread_myself();

	p->myself = me;
	strcpy(p->name, thread_name(me));
	p->tls_before = thread_tls_get(me);
	thread_tls_set(me, p);
	p->tls_after = thread_tls_get(thread_myself());
	p->ran++;
}

void
thread_basic(void)
{
	struct probe p = {0};
	struct thread *t = NULL;

	CHECK_EQ(thread_create("basic", 0, probe_entry, &p, &t), STATUS_OK);
	CHECK_STR(thread_name(t), "basic");
	CHECK(!p.ran);

	/* the first thread gets the slot above the main slot, at the fixed area */
	uintptr_t slot1_control = THREAD_AREA_BASE + 2 * THREAD_SLOT_SIZE - THREAD_CONTROL_SIZE;
	CHECK_EQ((uintptr_t)t, slot1_control);

	CHECK_EQ(thread_start(t), STATUS_OK);
	CHECK_EQ(thread_join(t), STATUS_OK);
	CHECK_EQ(p.ran, 1);
	CHECK(p.myself == t);
	CHECK_STR(p.name, "basic");
	CHECK(p.tls_before == NULL);
	CHECK(p.tls_after == &p);
}

static void
nop_entry(void *arg)
{
}

void
thread_bad_args(void)
{
	struct thread *t;
	const char *long_name = "a-name-that-is-longer-than-thirty-two-chars";

	CHECK_EQ(thread_create(NULL, 0, nop_entry, NULL, &t), STATUS_INVALID_ARGS);
	CHECK_EQ(thread_create("x", 0, NULL, NULL, &t), STATUS_INVALID_ARGS);
	CHECK_EQ(thread_create("x", 0, nop_entry, NULL, NULL), STATUS_INVALID_ARGS);
	CHECK_EQ(thread_create("x", THREAD_SLOT_SIZE, nop_entry, NULL, &t), STATUS_INVALID_ARGS);
	CHECK_EQ(thread_start(NULL), STATUS_INVALID_ARGS);
	CHECK_EQ(thread_join(NULL), STATUS_INVALID_ARGS);

	CHECK_EQ(thread_create(long_name, 0, nop_entry, NULL, &t), STATUS_OK);
	CHECK_EQ(strlen(thread_name(t)), THREAD_NAME_MAX);
	CHECK(strncmp(thread_name(t), long_name, THREAD_NAME_MAX) == 0);
	CHECK_EQ(thread_join(t), STATUS_OK); /* never started: just frees the slot */
}

void
thread_start_twice(void)
{
	struct thread *t;
	CHECK_EQ(thread_create("twice", 0, nop_entry, NULL, &t), STATUS_OK);
	CHECK_EQ(thread_start(t), STATUS_OK);
	CHECK_EQ(thread_start(t), STATUS_CONFLICT);
	CHECK_EQ(thread_join(t), STATUS_OK);
}

enum { MANY = 100, ROUNDS = 5 };

static uint64_t
now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void
thread_many_rounds(void)
{
	static struct probe p[MANY];
	struct thread *t[MANY], *first[MANY];
	char name[16];
	uint64_t start = now_ns();

	for (int round = 0; round < ROUNDS; round++) {
		for (int i = 0; i < MANY; i++) {
			memset(&p[i], 0, sizeof(p[i]));
			snprintf(name, sizeof(name), "worker-%d", i);
			if (!CHECK_EQ(thread_create(name, 0, probe_entry, &p[i], &t[i]), STATUS_OK))
				return;
			CHECK_EQ(thread_start(t[i]), STATUS_OK);
		}
		for (int i = 0; i < MANY; i++) {
			CHECK_EQ(thread_join(t[i]), STATUS_OK);
			snprintf(name, sizeof(name), "worker-%d", i);
			CHECK(p[i].ran == 1 && p[i].myself == t[i] && p[i].tls_after == &p[i]);
			CHECK_STR(p[i].name, name);
			/* joined slots are handed out again, in the same order */
			if (round == 0)
				first[i] = t[i];
			else
				CHECK(t[i] == first[i]);
		}
	}
	printf("  info: create+start+join %.1f us per thread\n",
	       (now_ns() - start) / 1000.0 / (MANY * ROUNDS));
}

enum { MYSELF_CALLS = 10000000 };

static void
myself_loop(void *arg)
{
	struct thread *me = thread_myself();
	unsigned long same = 0;
	uint64_t start = now_ns();

	for (int i = 0; i < MYSELF_CALLS; i++)
		same += thread_myself() == me;
	*(double *)arg = (now_ns() - start) / (double)MYSELF_CALLS;
	if (same != MYSELF_CALLS)
		*(double *)arg = -1;
}

void
thread_myself_cost(void)
{
	double ns = 0;
	struct thread *t;
	CHECK_EQ(thread_create("myself", 0, myself_loop, &ns, &t), STATUS_OK);
	CHECK_EQ(thread_start(t), STATUS_OK);
	CHECK_EQ(thread_join(t), STATUS_OK);
	CHECK(ns > 0);
	printf("  info: thread_myself %.1f ns\n", ns);
}

void
thread_slots_exhausted(void)
{
	static struct thread *t[THREAD_SLOT_COUNT];
	unsigned n = 0;
	status_t s;

	while ((s = thread_create("filler", 0, nop_entry, NULL, &t[n])) == STATUS_OK)
		n++;
	CHECK_EQ(s, STATUS_OUT_OF_MEMORY);
	CHECK_EQ(n, THREAD_SLOT_COUNT - 1); /* all but the main slot */
	while (n)
		CHECK_EQ(thread_join(t[--n]), STATUS_OK);

	CHECK_EQ(thread_create("again", 0, nop_entry, NULL, &t[0]), STATUS_OK);
	CHECK_EQ(thread_join(t[0]), STATUS_OK);
}

static void *
foreign_entry(void *arg)
{
	*(struct thread **)arg = thread_myself();
	return NULL;
}

void
thread_foreign_is_not_myself(void)
{
	struct thread *seen = (struct thread *)1;
	pthread_t pt;

	CHECK(thread_myself() == NULL); /* the test's main runs on the process stack */
	CHECK_EQ(pthread_create(&pt, NULL, foreign_entry, &seen), 0);
	pthread_join(pt, NULL);
	CHECK(seen == NULL);
}
