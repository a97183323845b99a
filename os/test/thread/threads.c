/*
 * \brief  test-thread: creating, naming and joining many threads
 */

#include <base/log.h>
#include <util/string.h>

#include "test.h"

enum {
	MANY = 100, /* threads alive at once */
	ROUNDS = 5, /* more threads over all rounds than the area has slots */
};

struct counter_probe {
	unsigned ran;
	struct thread *handles[MANY];
	bool in_own_slot[MANY];
};

static void
count_entry(void *arg)
{
	struct counter_probe *p = arg;
	struct thread *me = thread_myself();
	int local = 0;

	/* each thread finds its handle in the table the creator filled */
	for (unsigned i = 0; i < MANY; i++)
		if (p->handles[i] == me)
			p->in_own_slot[i] = in_slot(me, (uintptr_t)&local);
	__atomic_fetch_add(&p->ran, 1, __ATOMIC_RELAXED);
}

static bool
all_distinct(struct thread *const *t, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		for (unsigned j = i + 1; j < n; j++)
			if (t[i] == t[j])
				return false;
	return true;
}

static void
one_round(struct counter_probe *p)
{
	unsigned created = 0;

	mem_set(p, 0, sizeof(*p));
	for (; created < MANY; created++)
		if (!EXPECT_OK(thread_create("many", 0, count_entry, p, &p->handles[created])))
			break;
	EXPECT(all_distinct(p->handles, created));
	for (unsigned i = 0; i < created; i++)
		EXPECT_OK(thread_start(p->handles[i]));
	for (unsigned i = 0; i < created; i++)
		EXPECT_OK(thread_join(p->handles[i]));
	EXPECT(p->ran == created);
	for (unsigned i = 0; i < created; i++)
		EXPECT(p->in_own_slot[i]);
}

void
check_many_threads(void)
{
	static struct counter_probe probe;

	for (unsigned r = 0; r < ROUNDS; r++)
		one_round(&probe);
	log_print("%u threads in %u rounds of %u created, run and joined", MANY * ROUNDS, ROUNDS,
	          MANY);
}

static void
never_run(void *arg)
{
	test_expect(false, "a thread never started ran", __LINE__);
}

/* take every free slot, then give them all back; a second time yields as many */
static unsigned
fill_area(void)
{
	static struct thread *taken[1024]; /* more than the area has slots */
	unsigned n = 0;
	status_t st = STATUS_OK;

	while (n < sizeof(taken) / sizeof(taken[0]) &&
	       (st = thread_create("filler", 0, never_run, 0, &taken[n])) == STATUS_OK)
		n++;
	EXPECT(st == STATUS_OUT_OF_MEMORY);
	for (unsigned i = 0; i < n; i++)
		EXPECT_OK(thread_join(taken[i])); /* frees a slot never started */
	return n;
}

void
check_slot_exhaustion(void)
{
	unsigned first = fill_area(), second = fill_area();

	EXPECT(first > MANY);
	EXPECT(first == second);
	log_print("context area holds %u more threads, all slots came back", first);
}

struct name_probe {
	char name[THREAD_NAME_MAX + 1];
	bool tls_was_null, tls_kept;
};

static void
name_entry(void *arg)
{
	struct name_probe *p = arg;
	struct thread *me = thread_myself();

	str_copy(p->name, thread_name(me), sizeof(p->name));
	p->tls_was_null = thread_tls_get(me) == 0;
	thread_tls_set(me, p);
	p->tls_kept = thread_tls_get(thread_myself()) == p;
}

static void
expect_name(const char *given, const char *want)
{
	struct name_probe p;
	struct thread *t;

	mem_set(&p, 0, sizeof(p));

	if (!EXPECT_OK(thread_create(given, 0, name_entry, &p, &t)))
		return;
	EXPECT(str_equal(thread_name(t), want));
	EXPECT_OK(thread_start(t));
	EXPECT(thread_start(t) == STATUS_CONFLICT);
	EXPECT_OK(thread_join(t));
	EXPECT(str_equal(p.name, want));
	EXPECT(p.tls_was_null && p.tls_kept);
}

void
check_names_and_tls(void)
{
	expect_name("worker", "worker");
	expect_name("x", "x");
	/* longer names are cut to THREAD_NAME_MAX characters */
	expect_name("a-name-that-is-longer-than-32-characters", "a-name-that-is-longer-than-32-ch");
	log_print("thread names and thread-local pointers ok");
}
