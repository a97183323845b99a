/*
 * \brief  test-ds_ownership: only the owning RAM session may free a dataspace
 *
 * Genode's ds_ownership test: two RAM sessions; a dataspace of the first
 * freed through the second must stay intact (still mapped, still charged),
 * freed through the first it goes. The run script compares the output
 * with the single line "Test ended successfully.".
 */

#include <base/component.h>
#include <base/log.h>
#include <dataspace/client.h>
#include <ram_session/connection.h>

enum { QUOTA = 64 * 1024, DS_SIZE = 4096 };

/* an empty session funded from our own quota */
static status_t
session_funded(struct env *env, ram_session_cap_t *ram)
{
	status_t s = ram_connection_open(env_parent(env), ram);
	if (s == STATUS_OK)
		s = ram_session_ref_account(*ram, env_ram(env));
	if (s == STATUS_OK)
		s = ram_session_transfer_quota(env_ram(env), *ram, QUOTA);
	return s;
}

static int
check(bool ok, const char *what)
{
	if (!ok)
		log_error("%s", what);
	return ok ? 0 : 1;
}

void
component_construct(struct env *env)
{
	ram_session_cap_t owner, other;
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	uint64_t used = 0, charged = 0, size = 0;
	int fails = check(session_funded(env, &owner) == STATUS_OK, "owner session failed");
	fails += check(session_funded(env, &other) == STATUS_OK, "other session failed");
	if (fails)
		env_exit(env, 1);
	fails += check(ram_session_alloc(owner, DS_SIZE, &ds) == STATUS_OK, "alloc failed");
	/* at least its size: a platform adds what core keeps for it (platform_ram_meta) */
	fails += check(ram_session_used(owner, &charged) == STATUS_OK && charged >= DS_SIZE,
	               "owner not charged for the dataspace");
	fails += check(ram_session_free(other, ds) == STATUS_DENIED,
	               "free through the other session did not fail");
	fails += check(dataspace_size(ds, &size) == STATUS_OK && size == DS_SIZE,
	               "dataspace damaged by the other session");
	fails += check(ram_session_used(owner, &used) == STATUS_OK && used == charged,
	               "owner's charge changed by the other session");
	fails += check(ram_session_free(owner, ds) == STATUS_OK, "free through the owner failed");
	fails += check(ram_session_used(owner, &used) == STATUS_OK && used == 0,
	               "owner still charged after the free");
	cap_close(cap_raw(ds));
	if (!fails)
		log_print("Test ended successfully.");
	env_exit(env, fails ? 1 : 0);
}
