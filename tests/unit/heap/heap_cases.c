/*
 * \brief  Unit test cases of the heap
 */

#include <stdint.h>
#include <string.h>

#include <base/heap.h>

#include "../../harness/harness.h"
#include "cases.h"
#include "test_backing.h"

struct live {
	unsigned char *ptr;
	size_t size;
	unsigned char fill;
};


/* mostly small, some medium, a few larger than a chunk can hold */
static size_t
random_size(void)
{
	uint32_t r = test_random(1000);
	if (r < 800)
		return 1 + test_random(256);
	if (r < 995)
		return 1 + test_random(64 * 1024);
	return HEAP_CHUNK_MAX + test_random(1024 * 1024);
}

/* every byte still holds the pattern written at allocation */
static bool
intact(const struct live *l)
{
	for (size_t i = 0; i < l->size; i++)
		if (l->ptr[i] != l->fill)
			return false;
	return true;
}

static bool
random_alloc(struct heap *h, struct live *l, unsigned n)
{
	void *p = NULL;

	l->size = random_size();
	if (heap_alloc(h, l->size, &p) != STATUS_OK || (uintptr_t)p % HEAP_ALIGN)
		return false;
	l->ptr = p;
	l->fill = (unsigned char)(n * 31 + 7);
	memset(l->ptr, l->fill, l->size);
	return true;
}

static bool
live_free(struct heap *h, struct live *l)
{
	bool ok = intact(l) && heap_free(h, l->ptr) == STATUS_OK;
	l->ptr = NULL;
	return ok;
}

void
heap_random_against_model(void)
{
	enum { SLOTS = 512, STEPS = 30000 };
	static struct live lives[SLOTS];
	struct test_backing tb;
	struct heap h;
	unsigned step = 0;

	test_random_seed(0xdeadbeefcafef00dull);
	memset(lives, 0, sizeof(lives));
	test_backing_init(&tb, SIZE_MAX);
	struct heap_backing ops = test_backing_ops(&tb);
	CHECK_EQ(heap_init(&h, &ops), STATUS_OK);

	for (; step < STEPS; step++) {
		struct live *l = &lives[test_random(SLOTS)];
		bool ok = l->ptr ? live_free(&h, l) : random_alloc(&h, l, step);
		if (!ok || heap_consumed(&h) != tb.bytes)
			break;
		if (step % 256 == 0 && !heap_check(&h))
			break;
	}
	CHECK_EQ(step, STEPS);
	for (unsigned i = 0; i < SLOTS; i++)
		if (lives[i].ptr)
			CHECK(live_free(&h, &lives[i]));
	CHECK_EQ(heap_used(&h), 0);
	CHECK(heap_check(&h));
	/* only the spare chunk stays */
	CHECK(heap_chunk_count(&h) <= 1);
	heap_destroy(&h);
	CHECK_EQ(tb.bytes, 0);
	CHECK_EQ(tb.chunks, 0);
	CHECK_EQ(tb.bad_frees, 0);
	test_backing_fini(&tb);
}

/* chunks double up to the cap, so a big heap needs few of them */
void
heap_chunks_grow_exponentially(void)
{
	struct test_backing tb;
	struct heap h;
	void *p = NULL;
	size_t last = 0;
	bool doubling = true;

	test_backing_init(&tb, SIZE_MAX);
	struct heap_backing ops = test_backing_ops(&tb);
	heap_init(&h, &ops);
	for (unsigned i = 0; i < 64 * 1024; i++) {
		size_t before = tb.allocs;
		if (heap_alloc(&h, 512, &p) != STATUS_OK)
			break;
		if (tb.allocs != before) {
			size_t want =
			        last ? (last < HEAP_CHUNK_MAX ? 2 * last : last) : HEAP_CHUNK_MIN;
			doubling = doubling && tb.last_size == want;
			last = tb.last_size;
		}
	}
	CHECK(doubling);
	CHECK_EQ(last, HEAP_CHUNK_MAX);
	/* 32 MiB of small blocks: a fixed 16 KiB chunk size would need 2000+ chunks */
	CHECK(heap_chunk_count(&h) < 20);
	heap_destroy(&h);
	CHECK_EQ(tb.bytes, 0);
	CHECK_EQ(tb.chunks, 0);
	test_backing_fini(&tb);
}

void
heap_large_gets_dedicated_chunk(void)
{
	struct test_backing tb;
	struct heap h;
	void *small = NULL, *big = NULL;

	test_backing_init(&tb, SIZE_MAX);
	struct heap_backing ops = test_backing_ops(&tb);
	heap_init(&h, &ops);
	CHECK_EQ(heap_alloc(&h, 100, &small), STATUS_OK);
	size_t consumed = heap_consumed(&h);
	CHECK_EQ(heap_alloc(&h, HEAP_CHUNK_MAX, &big), STATUS_OK);
	CHECK_EQ(tb.chunks, 2);
	CHECK((uintptr_t)big % HEAP_ALIGN == 0);
	memset(big, 0x5a, HEAP_CHUNK_MAX);
	CHECK_EQ(heap_free(&h, big), STATUS_OK);
	CHECK_EQ(heap_consumed(&h), consumed);
	CHECK_EQ(tb.chunks, 1);
	CHECK_EQ(heap_free(&h, small), STATUS_OK);
	heap_destroy(&h);
	CHECK_EQ(tb.chunks, 0);
	CHECK_EQ(tb.bad_frees, 0);
	test_backing_fini(&tb);
}

/*
 * With a 64 KiB quota the heap takes 16 + 32 KiB, is refused 64 KiB and
 * then falls back to the 16 KiB that still fit: the quota is used up
 * exactly, and the refusal reaches the caller as the backing's status.
 */
void
heap_quota_exceeded(void)
{
	struct test_backing tb;
	struct heap h;
	void *p = NULL, *last = NULL;
	status_t st;
	unsigned n = 0;

	test_backing_init(&tb, 64 * 1024);
	struct heap_backing ops = test_backing_ops(&tb);
	heap_init(&h, &ops);
	while ((st = heap_alloc(&h, 100, &p)) == STATUS_OK) {
		last = p;
		n++;
	}
	CHECK_EQ(st, STATUS_QUOTA_EXCEEDED);
	CHECK_EQ(heap_consumed(&h), 64 * 1024);
	CHECK(n > 500);
	CHECK_EQ(heap_free(&h, last), STATUS_OK);
	CHECK_EQ(heap_alloc(&h, 100, &p), STATUS_OK);
	CHECK(p == last);
	CHECK_EQ(heap_alloc(&h, HEAP_CHUNK_MAX * 2, &p), STATUS_QUOTA_EXCEEDED);
	CHECK_EQ(heap_alloc(&h, SIZE_MAX, &p), STATUS_OUT_OF_MEMORY);
	CHECK_EQ(heap_alloc(&h, SIZE_MAX / 2, &p), STATUS_QUOTA_EXCEEDED);
	CHECK_EQ(heap_alloc(&h, 0, &p), STATUS_INVALID_ARGS);
	CHECK_EQ(heap_consumed(&h), 64 * 1024);
	CHECK(heap_check(&h));
	heap_destroy(&h);
	CHECK_EQ(tb.bytes, 0);
	CHECK_EQ(tb.chunks, 0);
	CHECK_EQ(tb.bad_frees, 0);
	test_backing_fini(&tb);
}

void
heap_wrong_frees_detected(void)
{
	struct test_backing tb;
	struct heap h, other;
	_Alignas(16) unsigned char stack[64] = {0};
	unsigned char *a = NULL, *b = NULL, *c = NULL, *o = NULL;

	test_backing_init(&tb, SIZE_MAX);
	struct heap_backing ops = test_backing_ops(&tb);
	heap_init(&h, &ops);
	heap_init(&other, &ops);
	heap_alloc(&h, 64, (void **)&a);
	heap_alloc(&h, 64, (void **)&b);
	heap_alloc(&h, 64, (void **)&c);
	heap_alloc(&other, 64, (void **)&o);
	size_t used = heap_used(&h);

	CHECK_EQ(heap_free(&h, NULL), STATUS_INVALID_ARGS);
	CHECK_EQ(heap_free(&h, a + 1), STATUS_INVALID_ARGS);  /* misaligned */
	CHECK_EQ(heap_free(&h, a + 32), STATUS_INVALID_ARGS); /* inside a block */
	CHECK_EQ(heap_free(&h, stack + 16), STATUS_INVALID_ARGS);
	CHECK_EQ(heap_free(&h, o), STATUS_INVALID_ARGS); /* another heap's */
	CHECK_EQ(heap_used(&h), used);
	CHECK(heap_check(&h));

	CHECK_EQ(heap_free(&h, b), STATUS_OK);
	CHECK_EQ(heap_free(&h, b), STATUS_INVALID_ARGS); /* plain double free */
	CHECK_EQ(heap_free(&h, a), STATUS_OK);           /* merges with b */
	CHECK_EQ(heap_free(&h, b), STATUS_INVALID_ARGS); /* b's header was swallowed */
	CHECK_EQ(heap_free(&h, a), STATUS_INVALID_ARGS);
	CHECK_EQ(heap_free(&h, c), STATUS_OK); /* merges into a from below */
	CHECK_EQ(heap_free(&h, c), STATUS_INVALID_ARGS);
	CHECK_EQ(heap_used(&h), 0);
	CHECK(heap_check(&h) && heap_check(&other));

	/* the heap is still sound: the same space is handed out again */
	unsigned char *again = NULL;
	CHECK_EQ(heap_alloc(&h, 3 * 64, (void **)&again), STATUS_OK);
	CHECK(again == a);
	CHECK_EQ(heap_free(&other, o), STATUS_OK);
	heap_destroy(&h);
	heap_destroy(&other);
	CHECK_EQ(tb.chunks, 0);
	CHECK_EQ(tb.bad_frees, 0);
	test_backing_fini(&tb);
}

/* an emptied chunk stays as a spare, a second empty one goes back */
void
heap_spare_chunk_policy(void)
{
	struct test_backing tb;
	struct heap h;
	void *p = NULL, *many[200];

	test_backing_init(&tb, SIZE_MAX);
	struct heap_backing ops = test_backing_ops(&tb);
	heap_init(&h, &ops);
	for (int i = 0; i < 1000; i++) {
		heap_alloc(&h, 1000, &p);
		heap_free(&h, p);
	}
	CHECK_EQ(tb.allocs, 1);
	for (int i = 0; i < 200; i++)
		heap_alloc(&h, 1000, &many[i]);
	CHECK(tb.chunks >= 3);
	for (int i = 0; i < 200; i++)
		heap_free(&h, many[i]);
	CHECK_EQ(tb.chunks, 1);
	CHECK_EQ(heap_chunk_count(&h), 1);
	CHECK_EQ(heap_used(&h), 0);
	heap_destroy(&h);
	CHECK_EQ(tb.chunks, 0);
	test_backing_fini(&tb);
}

void
heap_destroy_returns_everything(void)
{
	struct test_backing tb;
	struct heap h;
	void *p = NULL;

	test_backing_init(&tb, SIZE_MAX);
	struct heap_backing ops = test_backing_ops(&tb);
	struct heap_backing broken = {NULL, NULL, NULL};
	CHECK_EQ(heap_init(&h, &broken), STATUS_INVALID_ARGS);
	heap_init(&h, &ops);
	for (int i = 0; i < 5000; i++)
		heap_alloc(&h, (size_t)(i % 700) + 1, &p);
	heap_alloc(&h, HEAP_CHUNK_MAX + 1, &p);
	CHECK(tb.chunks > 2);
	CHECK_EQ(heap_consumed(&h), tb.bytes);
	CHECK(heap_check(&h));
	heap_destroy(&h);
	CHECK_EQ(tb.bytes, 0);
	CHECK_EQ(tb.chunks, 0);
	CHECK_EQ(tb.bad_frees, 0);
	CHECK_EQ(heap_consumed(&h), 0);
	/* a destroyed heap starts over */
	CHECK_EQ(heap_alloc(&h, 10, &p), STATUS_OK);
	heap_destroy(&h);
	CHECK_EQ(tb.chunks, 0);
	test_backing_fini(&tb);
}
