/*
 * \brief  test-rpc: several client threads calling many objects at once
 *
 * Each client walks all objects through capabilities the server returns,
 * passes a capability to the server and gets it back, and makes and
 * dissolves an object of its own, as it would open and close a session.
 * Each thread has its own reply channels, so the answers it gets must be
 * its own: every result is checked against what that thread asked.
 */

#include <base/log.h>
#include <base/thread.h>
#include <util/format.h>

#include "test.h"

enum { ROUNDS = 3 };

struct client {
	test_rpc_cap_t root; /* BORROWED from the main thread */
	uint32_t index;
	char name[16];
	struct thread *thread;
};

/* call object number index through a capability the server hands out */
static void
visit(const struct client *c, uint32_t index)
{
	test_rpc_cap_t obj;
	uint32_t id = ~0u, sum = 0;

	if (!EXPECT_OK(test_rpc_object(c->root, index, &obj)))
		return;
	EXPECT_OK(test_rpc_id(obj, &id));
	EXPECT(id == index);
	EXPECT_OK(test_rpc_add(obj, c->index * 1000u, index, &sum));
	EXPECT(sum == c->index * 1000u + index);
	cap_close(cap_raw(obj));
}

/*
 * Capabilities both ways: the client's own object (number c->index)
 * keeps a capability the client passes; fetched back, it names the same
 * object.
 */
static void
pass_and_fetch(const struct client *c, uint32_t round)
{
	uint32_t target = (c->index * 7u + round) % OBJECTS_START, id = ~0u;
	test_rpc_cap_t own, obj, back;

	if (!EXPECT_OK(test_rpc_object(c->root, c->index, &own)))
		return;
	if (EXPECT_OK(test_rpc_object(c->root, target, &obj))) {
		EXPECT_OK(test_rpc_keep(own, obj));
		cap_close(cap_raw(obj)); /* the server keeps its own copy */
	}
	if (EXPECT_OK(test_rpc_kept(own, &back))) {
		EXPECT_OK(test_rpc_id(back, &id));
		EXPECT(id == target);
		cap_close(cap_raw(back));
	}
	cap_close(cap_raw(own));
}

/* an object made on request, used, and dissolved: a session's life */
static void
session(const struct client *c)
{
	test_rpc_cap_t obj;
	uint32_t id = 0, got = ~0u;

	if (!EXPECT_OK(test_rpc_create(c->root, &obj, &id)))
		return;
	EXPECT(id >= OBJECTS_START && id < OBJECTS_MAX);
	EXPECT_OK(test_rpc_id(obj, &got));
	EXPECT(got == id);
	EXPECT_OK(test_rpc_dissolve(c->root, id));
	EXPECT_STATUS(test_rpc_id(obj, &got), STATUS_INVALID_CAP);
	cap_close(cap_raw(obj));
}

static void
client_entry(void *arg)
{
	const struct client *c = arg;

	for (uint32_t round = 0; round < ROUNDS; round++) {
		for (uint32_t i = 0; i < OBJECTS_START; i++)
			visit(c, (i + c->index * 13u) % OBJECTS_START);
		pass_and_fetch(c, round);
		session(c);
	}
}

void
phase_clients(test_rpc_cap_t root)
{
	static struct client clients[CLIENTS];
	unsigned started = 0;

	for (uint32_t i = 0; i < CLIENTS; i++) {
		struct client *c = &clients[i];
		c->root = root;
		c->index = i;
		format_string(c->name, sizeof(c->name), "client-%u", (unsigned)i);
		if (!EXPECT_OK(thread_create(c->name, 0, client_entry, c, &c->thread)))
			break;
		EXPECT_OK(thread_start(c->thread));
		started++;
	}
	for (unsigned i = 0; i < started; i++)
		EXPECT_OK(thread_join(clients[i].thread));
	log_print("%u client threads called %u objects in %u rounds", started,
	          (unsigned)OBJECTS_START, (unsigned)ROUNDS);
}
