/*
 * \brief  Shared set-up of test-ram_account: a bank over a fake platform
 *         RAM and a metadata slab over a counting backing
 */

#ifndef _TESTS__UNIT__RAM_ACCOUNT__FIXTURE_H_
#define _TESTS__UNIT__RAM_ACCOUNT__FIXTURE_H_

#include <stdint.h>

#include "../../../core/ram_account.h"
#include "../../../core/region_map.h"
#include "../../harness/harness.h"
#include "../heap/test_backing.h"

enum { PAGE = DATASPACE_PAGE_SIZE, FAKE_RAM_SLOTS = 4096 };

/*
 * The platform's memory: hands out handles (slot index + 1), refuses with
 * STATUS_UNAVAILABLE beyond its limit (so that tests can tell its refusal
 * from the account's own errors), and checks every free against what it
 * handed out.
 */
struct fake_ram {
	uint64_t limit;
	uint64_t bytes; /* outstanding */
	unsigned long blocks, frees, bad_frees;
	uint64_t size[FAKE_RAM_SLOTS]; /* 0: slot unused */
};

struct fixture {
	struct fake_ram ram;
	struct test_backing tb;
	struct slab meta;
	struct ram_bank bank;
};

/* ram_limit 0 means no limit */
void fixture_init(struct fixture *f, uint64_t ram_limit);

/* checks that all memory and metadata came back; every account must be gone */
void fixture_fini(struct fixture *f);

/* a region map over its own metadata, to show RAM dataspaces somewhere */
struct space {
	struct test_backing tb;
	struct slab meta;
	struct region_map rm;
};

void space_init(struct space *s);
void space_fini(struct space *s);

/* attach all of ds anywhere in s and return the address */
uint64_t space_show(struct space *s, struct ram_ds *ds);

#endif /* _TESTS__UNIT__RAM_ACCOUNT__FIXTURE_H_ */
