/*
 * \brief  test-sub_rm: what its files share
 */

#ifndef _OS__TEST__SUB_RM__TEST_SUB_RM_H_
#define _OS__TEST__SUB_RM__TEST_SUB_RM_H_

#include <base/env.h>
#include <dataspace/rpc.h>
#include <rm_session/rpc.h>

enum {
	PAGE = 4096,
	SUB_RM_SIZE = 1024 * 1024,
	LOCAL_BASE = 0x60000000,
};

/* a RAM dataspace of pages pages, each filled with its letter 'a' + index */
struct test_ram {
	dataspace_cap_t ds;
	char *local; /* our own writable mapping */
};

status_t test_ram_alloc(struct env *env, unsigned pages, struct test_ram *r);

/* the sub-RM's local view at LOCAL_BASE, as a byte pointer */
static inline volatile char *
sub_view(uint64_t offset)
{
	return (volatile char *)(uintptr_t)(LOCAL_BASE + offset);
}

/* whether the sub-RM's dataspace shows nothing at offset */
bool test_is_hole(dataspace_cap_t managed, uint64_t offset);

/* malformed requests and quota exhaustion (malformed.c) */
void test_malformed(struct env *env, rm_session_cap_t sub, dataspace_cap_t ram);
void test_session_args(struct env *env);
void test_out_of_metadata(struct env *env, dataspace_cap_t ram);

#endif /* _OS__TEST__SUB_RM__TEST_SUB_RM_H_ */
