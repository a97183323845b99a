/*
 * \brief  test-upgrade: sessions at core, upgraded through the parents
 */

#include <base/log.h>
#include <log_session/client.h>
#include <log_session/connection.h>
#include <parent/client.h>
#include <ram_session/connection.h>
#include <rm_session/connection.h>
#include <test/expect.h>

#include "test_upgrade.h"

enum { RM_PAGES = 512, REGIONS_MAX = RM_PAGES / 2, UPGRADE = 2 * PAGE };

/* attach ds at every other page from *n on until core refuses; *n: regions held */
static status_t
attach_until_refused(rm_session_cap_t rm, dataspace_cap_t ds, unsigned *n)
{
	status_t s = STATUS_OK;
	uint64_t addr = 0;
	while (s == STATUS_OK && *n < REGIONS_MAX) {
		s = rm_session_attach(rm, ds, 0, 0, true, (uint64_t)*n * 2 * PAGE, &addr);
		*n += s == STATUS_OK;
	}
	return s;
}

void
test_rm_upgrade(struct env *env)
{
	ram_session_cap_t ram = env_ram(env);
	uint64_t before = ram_session_avail(ram);
	dataspace_cap_t ds;
	rm_session_cap_t rm;
	unsigned n = 0;
	if (!EXPECT_OK(ram_session_alloc(ram, PAGE, &ds)))
		return;
	uint64_t with_ds = ram_session_avail(ram);
	if (!EXPECT_OK(rm_connection_open(env_parent(env), 0, (uint64_t)RM_PAGES * PAGE,
	                                  RM_SESSION_ENV_RAM_QUOTA, &rm)))
		return;
	EXPECT_STATUS(attach_until_refused(rm, ds, &n), STATUS_OUT_OF_MEMORY);
	unsigned first = n;
	/* the session cost its ram_quota and init's record of it (doc/init.md) */
	uint64_t opened = ram_session_avail(ram);
	EXPECT(opened < with_ds - RM_SESSION_ENV_RAM_QUOTA);
	EXPECT_OK(env_upgrade(env, cap_raw(rm), UPGRADE));
	/* the upgrade was paid by us */
	EXPECT(ram_session_avail(ram) == opened - UPGRADE);
	EXPECT_STATUS(attach_until_refused(rm, ds, &n), STATUS_OUT_OF_MEMORY);
	EXPECT(n >= 2 * first);
	log_print("RM: out of metadata after %u regions, after an upgrade of %u bytes after %u",
	          first, (unsigned)UPGRADE, n);
	EXPECT_OK(parent_close(env_parent(env), cap_raw(rm)));
	cap_close(cap_raw(rm));
	EXPECT(ram_session_avail(ram) == with_ds);
	EXPECT_OK(ram_session_free(ram, ds));
	cap_close(cap_raw(ds));
	EXPECT(ram_session_avail(ram) == before);
	log_print("RM: session and upgrade paid back at the close");
}

void
test_log_upgrade(struct env *env)
{
	ram_session_cap_t ram = env_ram(env);
	uint64_t before = ram_session_avail(ram);
	log_session_cap_t log;
	uint32_t written = 0;
	if (!EXPECT_OK(log_connection_open(env_parent(env), &log)))
		return;
	/* the session cost its ram_quota and init's record of it (doc/init.md) */
	uint64_t opened = ram_session_avail(ram);
	EXPECT(opened < before - PAGE);
	EXPECT_OK(env_upgrade(env, cap_raw(log), PAGE));
	EXPECT_OK(env_upgrade(env, cap_raw(log), 3 * PAGE));
	EXPECT(ram_session_avail(ram) == opened - 4 * PAGE);
	EXPECT_OK(log_session_write(log, "LOG: upgraded session still writes", &written));
	EXPECT_OK(parent_close(env_parent(env), cap_raw(log)));
	cap_close(cap_raw(log));
	EXPECT(ram_session_avail(ram) == before);
	log_print("LOG: session and 2 upgrades paid back at the close");
}

/* every refusal leaves the session as it was and our quota untouched */
void
test_refusals(struct env *env)
{
	parent_cap_t parent = env_parent(env);
	ram_session_cap_t ram = env_ram(env);
	log_session_cap_t log;
	uint64_t unopened = ram_session_avail(ram);
	if (!EXPECT_OK(log_connection_open(parent, &log)))
		return;
	uint64_t avail = ram_session_avail(ram);
	EXPECT_STATUS(env_upgrade(env, cap_raw(log), avail + 1024 * 1024), STATUS_QUOTA_EXCEEDED);
	log_print("refused: an upgrade beyond our avail");
	EXPECT_STATUS(env_upgrade(env, cap_raw(ram), PAGE), STATUS_NOT_FOUND);
	log_print("refused: an upgrade of a session the parent did not open for us");
	EXPECT_STATUS(parent_upgrade(parent, cap_raw(log), "ram_quota=lots"), STATUS_INVALID_ARGS);
	EXPECT_STATUS(parent_upgrade(parent, cap_raw(log), "label=\"x\""), STATUS_INVALID_ARGS);
	EXPECT_STATUS(parent_upgrade(parent, cap_raw(log), "ram_quota=\"4K"), STATUS_INVALID_ARGS);
	log_print("refused: 3 malformed upgrades");
	EXPECT(ram_session_avail(ram) == avail);
	EXPECT_OK(parent_close(parent, cap_raw(log)));
	cap_close(cap_raw(log));
	uint64_t after = ram_session_avail(ram);
	if (!EXPECT(after == unopened))
		log_print("avail %llu, after %llu", (unsigned long long)avail,
		          (unsigned long long)after);
	log_print("refusals left our quota untouched");
}
