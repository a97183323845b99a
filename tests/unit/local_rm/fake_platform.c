/*
 * \brief  test-local_rm: a platform that only records what it is asked
 */

#include <base/internal/local_rm_platform.h>

#include "fake.h"

struct op ops[OPS_MAX];
unsigned op_count;
bool reserve_conflict;
static uint64_t next_base = FAKE_BASE;

static void
record(enum op_kind kind, uint64_t addr, uint64_t size, uint64_t offset, bool writable)
{
	if (op_count < OPS_MAX)
		ops[op_count++] = (struct op){kind, addr, size, offset, writable};
}

status_t
local_rm_platform_reserve(uint64_t size, bool at, uint64_t addr, uint64_t *base)
{
	if (at && reserve_conflict)
		return STATUS_CONFLICT;
	*base = at ? addr : next_base;
	if (!at)
		next_base += size + PAGE;
	record(OP_RESERVE, *base, size, 0, false);
	return STATUS_OK;
}

status_t
local_rm_platform_map(uint64_t addr, uint64_t size, cap_t backing, uint64_t offset, bool writable)
{
	if (!cap_valid(backing))
		return STATUS_INVALID_ARGS;
	record(OP_MAP, addr, size, offset, writable);
	return STATUS_OK;
}

status_t
local_rm_platform_clear(uint64_t addr, uint64_t size)
{
	record(OP_CLEAR, addr, size, 0, false);
	return STATUS_OK;
}

void
local_rm_platform_release(uint64_t base, uint64_t size)
{
	record(OP_RELEASE, base, size, 0, false);
}

/* faults are not raised here: the walk is what this test checks */
status_t
local_rm_platform_fault_watch(void)
{
	return STATUS_OK;
}
