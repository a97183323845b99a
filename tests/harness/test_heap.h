/*
 * \brief  A heap over the host's malloc with a byte limit, for hosted tests
 *
 * Code under test that takes a struct heap (as a component's env_heap())
 * gets one here; the limit stands in for the component's RAM quota, so a
 * test can show what happens when the quota does not cover a request.
 */

#ifndef _TESTS__HARNESS__TEST_HEAP_H_
#define _TESTS__HARNESS__TEST_HEAP_H_

#include <stddef.h>

#include <base/heap.h>

struct test_heap {
	struct heap heap;
	size_t limit; /* bytes of chunks that may be outstanding */
	size_t bytes; /* bytes of chunks outstanding */
};

/* an empty heap whose chunks may total limit bytes (SIZE_MAX for none) */
struct heap *test_heap_init(struct test_heap *th, size_t limit);

/* give every chunk back to the host (the heap keeps a spare one otherwise) */
void test_heap_fini(struct test_heap *th);

#endif /* _TESTS__HARNESS__TEST_HEAP_H_ */
