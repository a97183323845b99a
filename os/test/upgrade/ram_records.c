/*
 * \brief  test-upgrade: a RAM session's dataspace records paid by its budget
 *
 * core keeps a record per dataspace of a RAM session, paid from what the
 * session's donation left after the session object: with a small donation
 * the records of some dataspaces fit, then core refuses (Genode's
 * Out_of_metadata), and an upgrade lets the session hold more. A fixed
 * record space per session would refuse at the same count after the
 * upgrade as before (or refuse so small a session outright).
 */

#include <base/log.h>
#include <parent/client.h>
#include <ram_session/connection.h>
#include <test/expect.h>

#include "test_upgrade.h"

enum {
	DONATION = 8 * 1024, /* the session object and one chunk of records */
	QUOTA = 512 * PAGE,  /* room for more dataspaces than the budgets here pay for */
	DS_MAX = 512,
};

/* allocate pages from *n on until core refuses; *n: dataspaces held */
static status_t
alloc_until_refused(ram_session_cap_t ram, dataspace_cap_t *ds, unsigned *n)
{
	status_t s = STATUS_OK;
	while (s == STATUS_OK && *n < DS_MAX) {
		s = ram_session_alloc(ram, PAGE, &ds[*n]);
		*n += s == STATUS_OK;
	}
	return s;
}

static void
ram_records_fill(struct env *env, ram_session_cap_t ram, dataspace_cap_t *ds)
{
	unsigned n = 0;
	if (!EXPECT_OK(ram_session_ref_account(ram, env_ram(env))) ||
	    !EXPECT_OK(ram_session_transfer_quota(env_ram(env), ram, QUOTA)))
		return;
	EXPECT_STATUS(alloc_until_refused(ram, ds, &n), STATUS_OUT_OF_MEMORY);
	unsigned first = n;
	EXPECT(first > 0);
	EXPECT_OK(env_upgrade(env, cap_raw(ram), 2 * DONATION));
	EXPECT_STATUS(alloc_until_refused(ram, ds, &n), STATUS_OUT_OF_MEMORY);
	EXPECT(n >= 2 * first);
	log_print("RAM: out of metadata after %u dataspaces, after an upgrade of %u bytes after %u",
	          first, 2 * DONATION, n);
	for (unsigned i = 0; i < n; i++) {
		EXPECT_OK(ram_session_free(ram, ds[i]));
		cap_close(cap_raw(ds[i]));
	}
	EXPECT_OK(ram_session_transfer_quota(ram, env_ram(env), QUOTA));
}

void
test_ram_upgrade(struct env *env)
{
	ram_session_cap_t ram_env = env_ram(env);
	uint64_t before = ram_session_avail(ram_env);
	static dataspace_cap_t ds[DS_MAX];
	cap_t raw = cap_invalid();
	if (!EXPECT_OK(parent_session(env_parent(env), "RAM", "ram_quota=8K", &raw)))
		return;
	ram_session_cap_t ram = CAP_TYPED(ram_session_cap_t, raw);
	ram_records_fill(env, ram, ds);
	EXPECT_OK(parent_close(env_parent(env), raw));
	cap_close(raw);
	EXPECT(ram_session_avail(ram_env) == before);
	log_print("RAM: session, quota and upgrade paid back at the close");
}
