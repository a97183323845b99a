/*
 * \brief  Shared set-up of test-region_map: a metadata slab over a
 *         counting backing, and small helpers
 */

#ifndef _TESTS__UNIT__REGION_MAP__FIXTURE_H_
#define _TESTS__UNIT__REGION_MAP__FIXTURE_H_

#include <stdint.h>

#include "../../../core/region_map.h"
#include "../../harness/harness.h"
#include "../heap/test_backing.h"

enum { PAGE = DATASPACE_PAGE_SIZE };

struct fixture {
	struct test_backing tb;
	struct slab meta;
};

static inline void
fixture_init(struct fixture *f, size_t meta_limit)
{
	test_backing_init(&f->tb, meta_limit);
	struct heap_backing ops = test_backing_ops(&f->tb);
	CHECK_EQ(slab_init(&f->meta, REGION_MAP_META_SIZE, &ops), STATUS_OK);
}

/* every map must be destroyed before: checks that all metadata came back */
static inline void
fixture_fini(struct fixture *f)
{
	CHECK_EQ(slab_used(&f->meta), 0);
	slab_destroy(&f->meta);
	CHECK_EQ(f->tb.bytes, 0);
	CHECK_EQ(f->tb.bad_frees, 0);
	test_backing_fini(&f->tb);
}

static inline struct region_map_at
at_addr(uint64_t addr)
{
	return (struct region_map_at){.anywhere = false, .addr = addr};
}

static inline struct region_map_at
anywhere(void)
{
	return (struct region_map_at){.anywhere = true, .addr = 0};
}

#endif /* _TESTS__UNIT__REGION_MAP__FIXTURE_H_ */
