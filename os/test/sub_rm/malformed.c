/*
 * \brief  test-sub_rm: malformed RM requests, bad session arguments and
 *         running out of the session's metadata
 *
 * Every request here must be refused with its own status and leave core,
 * the session and the local region map working: the last checks of each
 * function prove that.
 */

#include <base/local_rm.h>
#include <base/log.h>
#include <base/signal.h>
#include <dataspace/client.h>
#include <dataspace/map.h>
#include <parent/client.h>
#include <rm_session/connection.h>
#include <rom_session/connection.h>
#include <test/expect.h>

#include "test_sub_rm.h"

/* capabilities that are no dataspace of core's */
static void
foreign_caps(struct env *env, rm_session_cap_t sub)
{
	rom_session_cap_t rom;
	dataspace_cap_t config = CAP_TYPED_INVALID(dataspace_cap_t);
	/*
	 * init serves our config ROM itself: a dataspace, but not core's.
	 * Genode's sub_rm.run starts us without a <config>: init then denies
	 * the ROM, and the parent capability (init's object, no dataspace at
	 * all) is the object core did not create.
	 */
	if (rom_connection_open(env_parent(env), "config", &rom) == STATUS_OK) {
		EXPECT_OK(rom_session_dataspace(rom, &config));
		EXPECT_STATUS(rm_session_attach_at(sub, config, 0xc0000, 0, 0), STATUS_NOT_FOUND);
		cap_close(cap_raw(config)); /* the session stays, as the environment's does */
	} else {
		log_print("no config ROM: init's parent capability stands for a foreign object");
	}
	EXPECT_STATUS(rm_session_attach_at(sub,
	                                   CAP_TYPED(dataspace_cap_t, cap_raw(env_parent(env))),
	                                   0xc0000, 0, 0),
	              STATUS_NOT_FOUND);
	/* core's objects, but sessions rather than dataspaces */
	EXPECT_STATUS(
	        rm_session_attach_at(sub, CAP_TYPED(dataspace_cap_t, cap_raw(sub)), 0xc0000, 0, 0),
	        STATUS_NOT_FOUND);
	EXPECT_STATUS(rm_session_attach_at(sub, CAP_TYPED(dataspace_cap_t, cap_raw(env_ram(env))),
	                                   0xc0000, 0, 0),
	              STATUS_NOT_FOUND);
	/* never sent: the client refuses an invalid capability */
	EXPECT_STATUS(rm_session_attach_at(sub, CAP_TYPED_INVALID(dataspace_cap_t), 0xc0000, 0, 0),
	              STATUS_INVALID_ARGS);
}

/* addresses, offsets and sizes that do not fit */
static void
bad_ranges(rm_session_cap_t sub, dataspace_cap_t ram)
{
	uint64_t addr = 0;
	EXPECT_STATUS(rm_session_attach_at(sub, ram, 0xc0010, 0, 0), STATUS_INVALID_ARGS);
	EXPECT_STATUS(rm_session_attach_at(sub, ram, 0xc0000, 0, 0x10), STATUS_INVALID_ARGS);
	EXPECT_STATUS(rm_session_attach_at(sub, ram, 0xc0000, 2 * PAGE, 0), STATUS_INVALID_ARGS);
	EXPECT_STATUS(rm_session_attach_at(sub, ram, 0xc0000, 0, 2 * PAGE), STATUS_INVALID_ARGS);
	EXPECT_STATUS(rm_session_attach_at(sub, ram, 0xc0000, 0, PAGE), STATUS_INVALID_ARGS);
	EXPECT_STATUS(rm_session_attach_at(sub, ram, 0xc0000, UINT64_MAX, 0), STATUS_INVALID_ARGS);
	EXPECT_STATUS(rm_session_attach_at(sub, ram, UINT64_MAX & ~0xfffULL, 0, 0),
	              STATUS_INVALID_ARGS);
	EXPECT_STATUS(rm_session_attach(sub, ram, UINT64_MAX - 0xfff, 0, false, 0, &addr),
	              STATUS_INVALID_ARGS);
	EXPECT_STATUS(rm_session_detach(sub, 0xc0000), STATUS_NOT_FOUND);
	EXPECT_STATUS(rm_session_detach(sub, UINT64_MAX), STATUS_NOT_FOUND);
}

/* what the managed dataspace refuses, and the local region map */
static void
bad_dataspace_calls(rm_session_cap_t sub, dataspace_cap_t ram)
{
	dataspace_cap_t managed = CAP_TYPED_INVALID(dataspace_cap_t);
	cap_t backing = cap_invalid();
	uint64_t off = 0, size = 0;
	bool writable = false;
	void *at = 0;
	size_t mapped = 0;
	EXPECT_OK(rm_session_dataspace(sub, &managed));
	EXPECT_STATUS(dataspace_resolve(managed, 0x10, &backing, &off, &size, &writable),
	              STATUS_INVALID_ARGS);
	EXPECT_STATUS(dataspace_resolve(managed, SUB_RM_SIZE, &backing, &off, &size, &writable),
	              STATUS_INVALID_ARGS);
	EXPECT_STATUS(dataspace_map_handle(managed, &backing), STATUS_UNAVAILABLE);
	EXPECT(dataspace_map_writable(managed, &at, &mapped) != STATUS_OK);
	EXPECT_STATUS(local_rm_attach(managed, 0, 0, true, LOCAL_BASE + 0x10, &at),
	              STATUS_INVALID_ARGS);
	EXPECT_STATUS(local_rm_attach(managed, 0, 0x10, false, 0, &at), STATUS_INVALID_ARGS);
	EXPECT_STATUS(local_rm_attach(managed, 2 * SUB_RM_SIZE, 0, false, 0, &at),
	              STATUS_INVALID_ARGS);
	EXPECT_STATUS(local_rm_attach(ram, 0, 0, true, LOCAL_BASE, &at), STATUS_CONFLICT);
	EXPECT_STATUS(local_rm_detach((void *)(uintptr_t)(LOCAL_BASE + PAGE)), STATUS_NOT_FOUND);
	cap_close(cap_raw(managed));
}

/* Linux: a fault handler is kept, but core never sees a fault (state ready) */
static void
fault_handler_and_state(struct env *env, rm_session_cap_t sub)
{
	struct signal_receiver *r;
	struct signal_context *ctx;
	uint32_t type = 9;
	uint64_t addr = 9;
	(void)env;
	EXPECT_OK(signal_receiver_create(&r));
	EXPECT_OK(signal_context_create(r, 0, &ctx));
	EXPECT_OK(rm_session_fault_handler(sub, signal_context_cap(ctx)));
	EXPECT_OK(rm_session_state(sub, &type, &addr));
	EXPECT(type == 0 && addr == 0);
	EXPECT_OK(rm_session_fault_handler(sub, CAP_TYPED_INVALID(signal_context_cap_t)));
	signal_receiver_destroy(r);
}

void
test_malformed(struct env *env, rm_session_cap_t sub, dataspace_cap_t ram)
{
	foreign_caps(env, sub);
	bad_ranges(sub, ram);
	bad_dataspace_calls(sub, ram);
	fault_handler_and_state(env, sub);
	/* the session still works */
	EXPECT_OK(local_rm_sub_attach(sub, ram, 0, 0, true, 0xc0000, &(uint64_t){0}));
	EXPECT(sub_view(0xc0000)[1] == 'a');
	log_print("malformed RM requests refused, session intact");
}

/* sessions that core must refuse, each for its own reason */
void
test_session_args(struct env *env)
{
	parent_cap_t parent = env_parent(env);
	rm_session_cap_t rm;
	cap_t raw = cap_invalid();
	EXPECT_STATUS(rm_connection_open(parent, 0x1001, PAGE, RM_SESSION_RAM_QUOTA, &rm),
	              STATUS_INVALID_ARGS);
	EXPECT_STATUS(rm_connection_open(parent, 0, 0x1800, RM_SESSION_RAM_QUOTA, &rm),
	              STATUS_INVALID_ARGS);
	EXPECT_STATUS(rm_connection_open(parent, 0, 0, RM_SESSION_RAM_QUOTA, &rm),
	              STATUS_INVALID_ARGS);
	EXPECT_STATUS(rm_connection_open(parent, UINT64_MAX & ~0xfffULL, 2 * PAGE,
	                                 RM_SESSION_RAM_QUOTA, &rm),
	              STATUS_INVALID_ARGS);
	EXPECT_STATUS(rm_connection_open(parent, 0, PAGE, 512, &rm), STATUS_QUOTA_EXCEEDED);
	EXPECT_STATUS(rm_connection_open(parent, 0, PAGE, PAGE, &rm), STATUS_QUOTA_EXCEEDED);
	EXPECT_STATUS(parent_session(parent, "RM", "ram_quota=16K, size=banana", &raw),
	              STATUS_INVALID_ARGS);
	log_print("malformed RM session arguments refused");
}

/* a session that pays for one chunk of records runs out, and recovers */
void
test_out_of_metadata(struct env *env, dataspace_cap_t ram)
{
	rm_session_cap_t rm;
	uint64_t addr[64];
	unsigned n = 0;
	status_t s = STATUS_OK;
	if (!EXPECT_OK(rm_connection_open(env_parent(env), 0, 64 * PAGE, RM_SESSION_ENV_RAM_QUOTA,
	                                  &rm)))
		return;
	/* every other page, so that each region splits the free space */
	for (; n < 32 && s == STATUS_OK; n++)
		s = rm_session_attach(rm, ram, 0, 0, true, (uint64_t)n * 2 * PAGE, &addr[n]);
	EXPECT_STATUS(s, STATUS_OUT_OF_MEMORY);
	EXPECT(n > 4);
	for (unsigned i = 0; i + 1 < n; i++)
		EXPECT_OK(rm_session_detach(rm, addr[i]));
	EXPECT_OK(rm_session_attach(rm, ram, 0, 0, true, 0, &addr[0]));
	EXPECT_OK(parent_close(env_parent(env), cap_raw(rm)));
	log_print("out of metadata after %u regions, all usable again after detach", n - 1);
}
