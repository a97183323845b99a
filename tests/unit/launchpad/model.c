/*
 * \brief  Unit test of launchpad's model: quotas, starts, kills
 */

#include "common.h"

void
quota_clamped_to_max(void)
{
	struct launchpad_model m;
	struct launchpad_launcher l[3];
	fixture(&m, l, 8 * MIB);
	CHECK_EQ(l[1].quota, 8 * MIB); /* 10M asked, 8M is all there is */
	CHECK_EQ(launchpad_model_quota_set(&m, 0, 100 * MIB), 8 * MIB);
	CHECK_EQ(launchpad_model_quota_set(&m, 0, 512 * KIB), 512 * KIB);
	CHECK_EQ(launchpad_model_quota_set(&m, 7, 512 * KIB), 0); /* no such launcher */
}

void
start_grants_what_is_left(void)
{
	struct launchpad_model m;
	struct launchpad_launcher l[3];
	uint64_t grant;
	fixture(&m, l, 8 * MIB);
	CHECK_EQ(launchpad_model_start_check(&m, 2, &grant), LAUNCHPAD_START_OK);
	CHECK_EQ(grant, 6 * MIB);
	launchpad_model_started(&m, 2, grant);
	CHECK_EQ(m.avail, 2 * MIB);
	/* scout wants 8M (clamped), 2M are left: it gets those */
	CHECK_EQ(launchpad_model_start_check(&m, 1, &grant), LAUNCHPAD_START_OK);
	CHECK_EQ(grant, 2 * MIB);
	CHECK_EQ(m.quota_max, 8 * MIB); /* the sliders keep their range */
}

void
start_twice_refused(void)
{
	struct launchpad_model m;
	struct launchpad_launcher l[3];
	uint64_t grant;
	fixture(&m, l, 32 * MIB);
	launchpad_model_started(&m, 0, 768 * KIB);
	CHECK_EQ(launchpad_model_start_check(&m, 0, &grant), LAUNCHPAD_START_RUNNING);
	CHECK_EQ(grant, 0);
	CHECK_EQ(launchpad_model_start_check(&m, 3, &grant), LAUNCHPAD_START_INVALID);
}

void
kill_gives_quota_back(void)
{
	struct launchpad_model m;
	struct launchpad_launcher l[3];
	fixture(&m, l, 32 * MIB);
	launchpad_model_started(&m, 0, 768 * KIB);
	launchpad_model_started(&m, 1, 10 * MIB);
	CHECK_EQ(m.avail, 32 * MIB - 768 * KIB - 10 * MIB);
	CHECK_EQ(launchpad_model_ended(&m, 0), 768 * KIB);
	CHECK_EQ(m.avail, 32 * MIB - 10 * MIB);
	CHECK(!l[0].running);
	CHECK_EQ(launchpad_model_ended(&m, 0), 0); /* twice: nothing more */
	CHECK_EQ(launchpad_model_ended(&m, 1), 10 * MIB);
	CHECK_EQ(m.avail, 32 * MIB);
}

void
nothing_left(void)
{
	struct launchpad_model m;
	struct launchpad_launcher l[3];
	uint64_t grant;
	fixture(&m, l, 6 * MIB);
	launchpad_model_started(&m, 2, 6 * MIB);
	CHECK_EQ(launchpad_model_start_check(&m, 0, &grant), LAUNCHPAD_START_NO_QUOTA);
	launchpad_model_quota_set(&m, 0, 0);
	launchpad_model_ended(&m, 2);
	CHECK_EQ(launchpad_model_start_check(&m, 0, &grant), LAUNCHPAD_START_NO_QUOTA);
	/* a start that got more than avail (the real figure moved) never wraps */
	launchpad_model_avail_set(&m, KIB);
	launchpad_model_started(&m, 1, MIB);
	CHECK_EQ(m.avail, 0);
}

void
running_in_launcher_order(void)
{
	struct launchpad_model m;
	struct launchpad_launcher l[3];
	fixture(&m, l, 32 * MIB);
	launchpad_model_started(&m, 2, MIB);
	launchpad_model_started(&m, 0, MIB);
	CHECK_EQ(launchpad_model_running_count(&m), 2);
	CHECK_EQ(launchpad_model_running_at(&m, 0), 0);
	CHECK_EQ(launchpad_model_running_at(&m, 1), 2);
	CHECK_EQ(launchpad_model_running_at(&m, 2), 3); /* none: count */
}

void
find_by_name(void)
{
	struct launchpad_model m;
	struct launchpad_launcher l[3];
	fixture(&m, l, 32 * MIB);
	CHECK_EQ(launchpad_model_find(&m, "scout"), 1);
	CHECK_EQ(launchpad_model_find(&m, "scou"), 3);
}
