/*
 * \brief  Unit test of launchpad's model and layout
 */

#include <util/string.h>

#include "common.h"

void
fixture(struct launchpad_model *m, struct launchpad_launcher l[3], uint64_t avail)
{
	static const char *const names[] = {"testnit", "scout", "launchpad"};
	static const uint64_t quotas[] = {768 * KIB, 10 * MIB, 6 * MIB};
	for (unsigned i = 0; i < 3; i++) {
		l[i] = (struct launchpad_launcher){.quota = quotas[i]};
		str_copy(l[i].name, names[i], sizeof(l[i].name));
	}
	launchpad_model_init(m, l, 3, avail);
}

TEST_MAIN(MODEL_CASES, LAYOUT_CASES)
