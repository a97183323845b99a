/*
 * \brief  test-local_rm: a recording platform and a scripted dataspace
 */

#ifndef _TESTS__UNIT__LOCAL_RM__FAKE_H_
#define _TESTS__UNIT__LOCAL_RM__FAKE_H_

#include <stdbool.h>
#include <stdint.h>

enum { PAGE = 4096, OPS_MAX = 64, WINDOWS_MAX = 8, FAKE_BASE = 0x40000000 };

enum op_kind { OP_RESERVE, OP_MAP, OP_CLEAR, OP_RELEASE };

struct op {
	enum op_kind kind;
	uint64_t addr, size, offset;
	bool writable;
};

/* what the platform was asked to do, in order */
extern struct op ops[OPS_MAX];
extern unsigned op_count;
extern bool reserve_conflict; /* the next fixed reservation finds its address taken */

/* one answer of the scripted resolve: from start on, len bytes */
struct window {
	uint64_t start, len;
	bool hole, writable;
	uint64_t backing_offset;
};

#endif /* _TESTS__UNIT__LOCAL_RM__FAKE_H_ */
