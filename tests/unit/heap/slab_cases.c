/*
 * \brief  Unit test cases of the slab allocator
 */

#include <stdint.h>
#include <string.h>

#include <base/slab.h>

#include "../../harness/harness.h"
#include "cases.h"
#include "test_backing.h"

enum { OBJ = 40 };


static bool
filled_with(const unsigned char *p, unsigned char fill)
{
	for (size_t i = 0; i < OBJ; i++)
		if (p[i] != fill)
			return false;
	return true;
}

static bool
random_step(struct slab *s, unsigned char **slot, unsigned i)
{
	unsigned char fill = (unsigned char)(i + 1);
	void *p = NULL;

	if (*slot) {
		bool ok = filled_with(*slot, fill) && slab_free(s, *slot) == STATUS_OK;
		*slot = NULL;
		return ok;
	}
	if (slab_alloc(s, &p) != STATUS_OK || (uintptr_t)p % SLAB_ALIGN)
		return false;
	*slot = p;
	memset(p, fill, OBJ);
	return true;
}

void
slab_random_against_model(void)
{
	enum { SLOTS = 2000, STEPS = 100000 };
	static unsigned char *objs[SLOTS];
	struct test_backing tb;
	struct slab s;
	size_t live = 0;
	unsigned step = 0;

	test_random_seed(0x0123456789abcdefull);
	memset(objs, 0, sizeof(objs));
	test_backing_init(&tb, SIZE_MAX);
	struct heap_backing ops = test_backing_ops(&tb);
	CHECK_EQ(slab_init(&s, OBJ, &ops), STATUS_OK);
	for (; step < STEPS; step++) {
		unsigned i = test_random(SLOTS);
		live += objs[i] ? (size_t)-1 : 1;
		if (!random_step(&s, &objs[i], i) || slab_used(&s) != live)
			break;
		if (s.empty_chunks > 1 || slab_consumed(&s) != tb.bytes)
			break;
	}
	CHECK_EQ(step, STEPS);
	for (unsigned i = 0; i < SLOTS; i++)
		if (objs[i])
			CHECK(random_step(&s, &objs[i], i));
	CHECK_EQ(slab_used(&s), 0);
	CHECK_EQ(slab_chunk_count(&s), 1); /* the spare */
	slab_destroy(&s);
	CHECK_EQ(tb.bytes, 0);
	CHECK_EQ(tb.chunks, 0);
	CHECK_EQ(tb.bad_frees, 0);
	test_backing_fini(&tb);
}

void
slab_init_rejects_bad_args(void)
{
	struct test_backing tb;
	struct slab s;

	test_backing_init(&tb, SIZE_MAX);
	struct heap_backing ops = test_backing_ops(&tb), none = {NULL, NULL, NULL};
	CHECK_EQ(slab_init(&s, 0, &ops), STATUS_INVALID_ARGS);
	CHECK_EQ(slab_init(&s, SLAB_OBJECT_MAX + 1, &ops), STATUS_INVALID_ARGS);
	CHECK_EQ(slab_init(&s, 8, &none), STATUS_INVALID_ARGS);
	CHECK_EQ(slab_init(&s, 8, NULL), STATUS_INVALID_ARGS);
	/* the biggest objects still get several per chunk */
	CHECK_EQ(slab_init(&s, SLAB_OBJECT_MAX, &ops), STATUS_OK);
	void *p = NULL;
	CHECK_EQ(slab_alloc(&s, &p), STATUS_OK);
	CHECK(tb.last_size >= SLAB_MIN_SLOTS * SLAB_OBJECT_MAX);
	memset(p, 1, SLAB_OBJECT_MAX);
	slab_destroy(&s);
	CHECK_EQ(tb.chunks, 0);
	test_backing_fini(&tb);
}

void
slab_quota_exceeded(void)
{
	struct test_backing tb;
	struct slab s;
	void *p = NULL, *first = NULL;
	unsigned n = 0;
	status_t st;

	test_backing_init(&tb, SLAB_CHUNK_MIN);
	struct heap_backing ops = test_backing_ops(&tb);
	slab_init(&s, OBJ, &ops);
	while ((st = slab_alloc(&s, &p)) == STATUS_OK)
		if (n++ == 0)
			first = p;
	CHECK_EQ(st, STATUS_QUOTA_EXCEEDED);
	CHECK_EQ(n, s.slots_per_chunk);
	CHECK_EQ(slab_used(&s), n);
	CHECK_EQ(slab_free(&s, first), STATUS_OK);
	CHECK_EQ(slab_alloc(&s, &p), STATUS_OK);
	CHECK(p == first);
	slab_destroy(&s);
	CHECK_EQ(tb.bytes, 0);
	CHECK_EQ(tb.bad_frees, 0);
	test_backing_fini(&tb);
}

void
slab_wrong_frees_detected(void)
{
	struct test_backing tb;
	struct slab s, other;
	_Alignas(16) unsigned char stack[64] = {0};
	unsigned char *a = NULL, *b = NULL, *o = NULL;

	test_backing_init(&tb, SIZE_MAX);
	struct heap_backing ops = test_backing_ops(&tb);
	slab_init(&s, OBJ, &ops);
	slab_init(&other, OBJ, &ops);
	slab_alloc(&s, (void **)&a);
	slab_alloc(&s, (void **)&b);
	slab_alloc(&other, (void **)&o);
	memset(a, 0, OBJ);
	memset(b, 0, OBJ);

	CHECK_EQ(slab_free(&s, NULL), STATUS_INVALID_ARGS);
	CHECK_EQ(slab_free(&s, a + 8), STATUS_INVALID_ARGS);
	CHECK_EQ(slab_free(&s, a + 16), STATUS_INVALID_ARGS); /* inside an object */
	CHECK_EQ(slab_free(&s, stack + 16), STATUS_INVALID_ARGS);
	CHECK_EQ(slab_free(&s, o), STATUS_INVALID_ARGS); /* another slab's */
	CHECK_EQ(slab_used(&s), 2);
	CHECK_EQ(slab_free(&s, a), STATUS_OK);
	CHECK_EQ(slab_free(&s, a), STATUS_INVALID_ARGS); /* double free */
	CHECK_EQ(slab_used(&s), 1);
	CHECK_EQ(slab_free(&s, b), STATUS_OK);
	CHECK_EQ(slab_free(&other, o), STATUS_OK);
	slab_destroy(&s);
	slab_destroy(&other);
	CHECK_EQ(tb.chunks, 0);
	CHECK_EQ(tb.bad_frees, 0);
	test_backing_fini(&tb);
}

/* objects left allocated do not keep chunks from going back */
void
slab_destroy_returns_everything(void)
{
	struct test_backing tb;
	struct slab s;
	void *p = NULL;

	test_backing_init(&tb, SIZE_MAX);
	struct heap_backing ops = test_backing_ops(&tb);
	slab_init(&s, OBJ, &ops);
	for (int i = 0; i < 1000; i++)
		slab_alloc(&s, &p);
	CHECK(tb.chunks > 10);
	CHECK_EQ(slab_consumed(&s), tb.bytes);
	slab_destroy(&s);
	CHECK_EQ(tb.bytes, 0);
	CHECK_EQ(tb.chunks, 0);
	CHECK_EQ(slab_used(&s), 0);
	CHECK_EQ(slab_alloc(&s, &p), STATUS_OK);
	slab_destroy(&s);
	CHECK_EQ(tb.bad_frees, 0);
	test_backing_fini(&tb);
}
