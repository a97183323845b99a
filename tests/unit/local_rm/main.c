/*
 * \brief  Unit test: the local region map's walk over a dataspace's regions
 *
 * A scripted dataspace, served in-process by an entrypoint thread,
 * answers resolve; a recording platform shows what the walk mapped,
 * cleared and released. The hostile answers (a window beyond the
 * attachment, a window of 0 bytes, an error) must never make it map
 * outside its reservation, loop, or keep a reservation after a failure.
 */

#include <pthread.h>
#include <stddef.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <base/entrypoint.h>
#include <base/local_rm.h>
#include <dataspace/server.h>

#include "../../harness/harness.h"
#include "fake.h"

struct script {
	uint64_t size;
	struct window w[WINDOWS_MAX];
	unsigned count;
	status_t error; /* returned by resolve if not STATUS_OK */
	cap_t backing;
};

static struct script script;

static status_t
fake_size(void *ctx, struct rpc_call *call, uint64_t *size)
{
	*size = script.size;
	return STATUS_OK;
}

static status_t
fake_resolve(void *ctx, struct rpc_call *call, uint64_t offset, cap_t *backing,
             uint64_t *backing_offset, uint64_t *size, bool *writable)
{
	if (script.error != STATUS_OK)
		return script.error;
	for (unsigned i = 0; i < script.count; i++) {
		const struct window *w = &script.w[i];
		if (offset < w->start || offset - w->start >= w->len)
			continue;
		*size = w->len - (offset - w->start);
		*backing = w->hole ? cap_invalid() : script.backing;
		*backing_offset = w->backing_offset + (offset - w->start);
		*writable = w->writable;
		return STATUS_OK;
	}
	*size = 0; /* hostile: nothing at all */
	return STATUS_OK;
}

static const struct dataspace_ops fake_ops = {.size = fake_size, .resolve = fake_resolve};

static struct entrypoint *ep;
static struct rpc_object obj;
static dataspace_cap_t ds;
static pthread_t server;

static void *
serve(void *arg)
{
	(void)arg;
	entrypoint_run(ep);
	return NULL;
}

static void
start_server(void)
{
	if (ep)
		return;
	CHECK_EQ(entrypoint_create(&ep), STATUS_OK);
	CHECK_EQ(dataspace_manage(ep, &obj, &fake_ops, 0, &ds), STATUS_OK);
	script.backing = (cap_t){eventfd(0, EFD_CLOEXEC)};
	CHECK(pthread_create(&server, NULL, serve, NULL) == 0);
}

static void
script_set(uint64_t size, const struct window *w, unsigned count)
{
	start_server();
	script.size = size;
	script.count = count;
	script.error = STATUS_OK;
	for (unsigned i = 0; i < count; i++)
		script.w[i] = w[i];
	op_count = 0;
}

static bool
op_is(unsigned i, enum op_kind kind, uint64_t addr, uint64_t size)
{
	return i < op_count && ops[i].kind == kind && ops[i].addr == addr && ops[i].size == size;
}

static void
plain_dataspace(void)
{
	const struct window w[] = {{0, 3 * PAGE, false, true, 0}};
	void *at = 0;
	script_set(3 * PAGE, w, 1);
	CHECK_EQ(local_rm_attach(ds, 0, 0, false, 0, &at), STATUS_OK);
	uint64_t base = (uintptr_t)at;
	CHECK_EQ(op_count, 2);
	CHECK(op_is(0, OP_RESERVE, base, 3 * PAGE));
	CHECK(op_is(1, OP_MAP, base, 3 * PAGE) && ops[1].writable && ops[1].offset == 0);
	CHECK_EQ(local_rm_detach(at), STATUS_OK);
	CHECK(op_is(2, OP_RELEASE, base, 3 * PAGE));
	CHECK_EQ(local_rm_detach(at), STATUS_NOT_FOUND);
}

static void
regions_and_holes(void)
{
	const struct window w[] = {{0, PAGE, false, true, 5 * PAGE},
	                           {PAGE, 2 * PAGE, true, false, 0},
	                           {3 * PAGE, PAGE, false, false, 0}};
	void *at = 0;
	script_set(4 * PAGE, w, 3);
	CHECK_EQ(local_rm_attach(ds, 0, 0, true, 0x70000000, &at), STATUS_OK);
	CHECK(at == (void *)0x70000000);
	CHECK_EQ(op_count, 4);
	CHECK(op_is(1, OP_MAP, 0x70000000, PAGE) && ops[1].offset == 5 * PAGE);
	CHECK(op_is(2, OP_CLEAR, 0x70001000, 2 * PAGE));
	CHECK(op_is(3, OP_MAP, 0x70003000, PAGE) && !ops[3].writable);
	/* the hole is filled: a sync maps it */
	script.w[1].hole = false;
	op_count = 0;
	CHECK_EQ(local_rm_sync(), STATUS_OK);
	CHECK(op_is(1, OP_MAP, 0x70001000, 2 * PAGE));
	CHECK_EQ(local_rm_detach(at), STATUS_OK);
}

static void
offset_and_size(void)
{
	const struct window w[] = {{0, 8 * PAGE, false, true, 0}};
	void *at = 0;
	script_set(8 * PAGE, w, 1);
	CHECK_EQ(local_rm_attach(ds, PAGE + 1, 2 * PAGE, false, 0, &at), STATUS_OK);
	/* two pages from offset 2: the window is clipped to the attachment */
	CHECK(op_is(1, OP_MAP, (uintptr_t)at, 2 * PAGE) && ops[1].offset == 2 * PAGE);
	CHECK_EQ(local_rm_detach(at), STATUS_OK);
	CHECK_EQ(local_rm_attach(ds, 0, 8 * PAGE, false, 0, &at), STATUS_INVALID_ARGS);
	CHECK_EQ(local_rm_attach(ds, 0, 0x10, false, 0, &at), STATUS_INVALID_ARGS);
	CHECK_EQ(local_rm_attach(ds, 9 * PAGE, 0, false, 0, &at), STATUS_INVALID_ARGS);
	CHECK_EQ(local_rm_attach(ds, 0, 0, true, 0x70000010, &at), STATUS_INVALID_ARGS);
	reserve_conflict = true;
	CHECK_EQ(local_rm_attach(ds, 0, 0, true, 0x70000000, &at), STATUS_CONFLICT);
	reserve_conflict = false;
	CHECK_EQ(op_count, 3); /* reserve, map, release of the first attach only */
}

static void
hostile_answers(void)
{
	const struct window w[] = {{0, PAGE, false, true, 0}};
	void *at = 0;
	/* nothing after the first page: a window of 0 bytes ends the walk */
	script_set(4 * PAGE, w, 1);
	CHECK_EQ(local_rm_attach(ds, 0, 0, false, 0, &at), STATUS_PROTOCOL);
	CHECK_EQ(op_count, 3);
	CHECK(op_is(2, OP_RELEASE, ops[0].addr, 4 * PAGE));
	/* an error of resolve is passed on, the reservation released */
	script_set(4 * PAGE, w, 1);
	script.error = STATUS_DENIED;
	CHECK_EQ(local_rm_attach(ds, 0, 0, false, 0, &at), STATUS_DENIED);
	CHECK(op_count == 2 && ops[1].kind == OP_RELEASE);
	/* a window far beyond the attachment is clipped to it */
	const struct window huge[] = {{0, UINT64_MAX & ~0xfffULL, false, true, 0}};
	script_set(2 * PAGE, huge, 1);
	CHECK_EQ(local_rm_attach(ds, 0, 0, false, 0, &at), STATUS_OK);
	CHECK(op_count == 2 && op_is(1, OP_MAP, (uintptr_t)at, 2 * PAGE));
	CHECK_EQ(local_rm_detach(at), STATUS_OK);
	/* one that would wrap when rounded up to pages */
	const struct window wrap[] = {{0, UINT64_MAX, false, true, 0}};
	script_set(2 * PAGE, wrap, 1);
	CHECK_EQ(local_rm_attach(ds, 0, 0, false, 0, &at), STATUS_OK);
	CHECK(op_count == 2 && op_is(1, OP_MAP, (uintptr_t)at, 2 * PAGE));
	CHECK_EQ(local_rm_detach(at), STATUS_OK);
	/* a short window that is not a page multiple covers its last page */
	const struct window odd[] = {{0, PAGE + 1, false, true, 0},
	                             {2 * PAGE, PAGE, true, false, 0}};
	script_set(3 * PAGE, odd, 2);
	CHECK_EQ(local_rm_attach(ds, 0, 0, false, 0, &at), STATUS_OK);
	CHECK(op_is(1, OP_MAP, (uintptr_t)at, 2 * PAGE) &&
	      op_is(2, OP_CLEAR, (uintptr_t)at + 2 * PAGE, PAGE));
	CHECK_EQ(local_rm_detach(at), STATUS_OK);
}

static void
table_full(void)
{
	const struct window w[] = {{0, PAGE, false, true, 0}};
	void *at[LOCAL_RM_ATTACHMENTS_MAX + 1];
	script_set(PAGE, w, 1);
	for (unsigned i = 0; i < LOCAL_RM_ATTACHMENTS_MAX; i++)
		CHECK_EQ(local_rm_attach(ds, 0, 0, false, 0, &at[i]), STATUS_OK);
	CHECK_EQ(local_rm_attach(ds, 0, 0, false, 0, &at[LOCAL_RM_ATTACHMENTS_MAX]),
	         STATUS_OUT_OF_MEMORY);
	for (unsigned i = 0; i < LOCAL_RM_ATTACHMENTS_MAX; i++)
		CHECK_EQ(local_rm_detach(at[i]), STATUS_OK);
	CHECK_EQ(local_rm_attach(ds, 0, 0, false, 0, &at[0]), STATUS_OK);
	CHECK_EQ(local_rm_detach(at[0]), STATUS_OK);
}

/* a dataspace that goes away leaves an inaccessible view, not stale memory */
static void
dataspace_gone(void)
{
	const struct window w[] = {{0, 2 * PAGE, false, true, 0}};
	struct rpc_object gone_obj = {0};
	dataspace_cap_t gone;
	void *at = 0;
	script_set(2 * PAGE, w, 1);
	CHECK_EQ(dataspace_manage(ep, &gone_obj, &fake_ops, 0, &gone), STATUS_OK);
	CHECK_EQ(local_rm_attach(gone, 0, 0, false, 0, &at), STATUS_OK);
	entrypoint_dissolve(ep, &gone_obj);
	op_count = 0;
	CHECK_EQ(local_rm_sync(), STATUS_INVALID_CAP);
	CHECK(op_count == 1 && op_is(0, OP_CLEAR, (uintptr_t)at, 2 * PAGE));
	CHECK_EQ(local_rm_detach(at), STATUS_OK);
	cap_close(cap_raw(gone));
}

TEST_MAIN(TEST_CASE(plain_dataspace), TEST_CASE(regions_and_holes), TEST_CASE(offset_and_size),
          TEST_CASE(hostile_answers), TEST_CASE(table_full), TEST_CASE(dataspace_gone))
