/*
 * \brief  Backing store for allocator tests: counts and limits chunks
 *
 * Stands in for the RAM dataspaces of a component: every chunk is counted,
 * a byte limit plays the RAM quota, and each chunk given back is checked
 * against what was handed out, so a test can assert that an allocator
 * returned everything with the right sizes.
 */

#ifndef _TESTS__UNIT__HEAP__TEST_BACKING_H_
#define _TESTS__UNIT__HEAP__TEST_BACKING_H_

#include <stdbool.h>
#include <stddef.h>

#include <base/heap.h>

struct test_chunk {
	void *addr;
	size_t size;
};

struct test_backing {
	size_t limit;     /* bytes that may be outstanding at once */
	size_t bytes;     /* bytes outstanding */
	size_t chunks;    /* chunks outstanding */
	size_t allocs;    /* successful alloc_chunk calls so far */
	size_t refusals;  /* alloc_chunk calls refused for the limit */
	size_t bad_frees; /* free_chunk calls that matched no chunk */
	size_t last_size; /* size of the last chunk handed out */
	struct test_chunk *table;
	size_t table_cap;
};

/* an empty backing with a byte limit (SIZE_MAX for none) */
void test_backing_init(struct test_backing *tb, size_t limit);

/* the callbacks to give to heap_init or slab_init */
struct heap_backing test_backing_ops(struct test_backing *tb);

/* release the bookkeeping; chunks still outstanding are freed too */
void test_backing_fini(struct test_backing *tb);

#endif /* _TESTS__UNIT__HEAP__TEST_BACKING_H_ */
