/*
 * \brief  Unit test: the root-component library (include/root/component.h)
 *
 * Many more sessions than any fixed table held, each found again by a copy
 * of its capability; a donation one byte short refused with both amounts
 * and nothing kept; the budget charged, refused with its figures and
 * upgraded; close by a copy; the single-client policy.
 */

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "../../harness/harness.h"
#include "fixture.h"

/* more than core's old 128-session tables and its 512 thread records */
enum { MANY = 1000 };

/* as many sessions as descriptors allow, at least MANY: each has one socket, each copy one more */
static unsigned
many_sessions_possible(void)
{
	struct rlimit r;
	if (getrlimit(RLIMIT_NOFILE, &r) != 0)
		return 0;
	if (r.rlim_cur < 2 * MANY + 64 && r.rlim_max >= 2 * MANY + 64) {
		r.rlim_cur = 2 * MANY + 64;
		(void)setrlimit(RLIMIT_NOFILE, &r);
	}
	return r.rlim_cur >= 2 * MANY + 64 ? MANY : 0;
}

static void
many_sessions_each_found_by_a_copy(void)
{
	struct fixture f;
	static cap_t caps[MANY];
	fixture_init(&f, false);
	size_t cost = root_component_session_cost(&f.root);
	if (!CHECK(many_sessions_possible() == MANY))
		return;
	for (unsigned i = 0; i < MANY; i++)
		if (!CHECK(fixture_create(&f, cost, "many", &caps[i]) == STATUS_OK))
			return;
	CHECK_EQ(root_component_count(&f.root), MANY);
	for (unsigned i = 0; i < MANY; i++) {
		cap_t copy;
		CHECK(cap_dup(caps[i], &copy) == STATUS_OK);
		struct root_session *s = root_component_lookup(&f.root, copy);
		CHECK(s && ROOT_SESSION_ENTRY(s, struct test_session, base)->serial == i + 1);
		cap_close(copy);
	}
	fixture_fini(&f);
	CHECK_EQ(f.destroys, MANY);
}

static void
short_donation_refused_with_amounts(void)
{
	struct fixture f;
	cap_t cap;
	char want[160];
	fixture_init(&f, false);
	size_t cost = root_component_session_cost(&f.root);
	CHECK(fixture_create(&f, cost - 1, "poor", &cap) == STATUS_QUOTA_EXCEEDED);
	snprintf(want, sizeof(want), "needed %zu bytes, given %zu", cost, cost - 1);
	CHECK(strstr(fixture_last_line(), want) != 0);
	CHECK(strstr(fixture_last_line(), "Test session for \"poor\"") != 0);
	/* nothing kept, not even for a moment: the hook never ran */
	CHECK_EQ(f.creates, 0);
	CHECK_EQ(heap_used(&f.heap), 0);
	CHECK_EQ(root_component_count(&f.root), 0);
	CHECK(fixture_create(&f, cost, "exact", &cap) == STATUS_OK);
	fixture_fini(&f);
}

static void
budget_charged_refused_and_upgraded(void)
{
	struct fixture f;
	cap_t cap;
	char text[160], want[160];
	fixture_init(&f, false);
	size_t cost = root_component_session_cost(&f.root);
	CHECK(fixture_create(&f, cost + 100, "grows", &cap) == STATUS_OK);
	struct root_session *s = root_component_lookup(&f.root, cap);
	if (!CHECK(s != 0))
		return;
	CHECK_EQ(root_session_available(s), 100);
	CHECK(root_session_charge(s, 200) == STATUS_QUOTA_EXCEEDED);
	CHECK_EQ(root_session_available(s), 100);
	root_session_shortfall(s, 200, text, sizeof(text));
	snprintf(want, sizeof(want), "needs 200 bytes, available 100 of ram_quota %zu", cost + 100);
	CHECK_STR(text, want);
	CHECK(root_component_upgrade_request(&f.root, cap, "ram_quota=150") == STATUS_OK);
	CHECK_EQ(s->quota, cost + 250);
	CHECK(root_session_charge(s, 200) == STATUS_OK);
	CHECK_EQ(root_session_available(s), 50);
	root_session_refund(s, 200);
	void *p = 0;
	size_t before = heap_used(&f.heap);
	CHECK(root_session_alloc(s, 64, &p) == STATUS_OK);
	CHECK(heap_used(&f.heap) - before <= heap_block_cost(64));
	CHECK_EQ(root_session_available(s), 250 - heap_block_cost(64));
	CHECK(root_session_alloc(s, 1000, &p) == STATUS_QUOTA_EXCEEDED);
	root_session_free(s, p, 64);
	CHECK_EQ(root_session_available(s), 250);
	CHECK(root_component_upgrade_request(&f.root, cap, "label=\"x\"") == STATUS_INVALID_ARGS);
	fixture_fini(&f);
}

static void
close_by_copy(void)
{
	struct fixture f;
	cap_t cap, copy, stranger = fixture_socket();
	fixture_init(&f, false);
	size_t cost = root_component_session_cost(&f.root);
	CHECK(fixture_create(&f, cost, "a", &cap) == STATUS_OK);
	CHECK(root_component_lookup(&f.root, stranger) == 0);
	CHECK(root_component_lookup(&f.root, cap_invalid()) == 0);
	CHECK(!root_component_close(&f.root, stranger));
	CHECK(!root_component_upgrade(&f.root, stranger, 10));
	CHECK(cap_dup(cap, &copy) == STATUS_OK);
	CHECK(root_component_close(&f.root, copy));
	CHECK_EQ(f.destroys, 1);
	CHECK_EQ(root_component_count(&f.root), 0);
	CHECK_EQ(heap_used(&f.heap), 0);
	CHECK(!root_component_close(&f.root, copy));
	CHECK_EQ(f.destroys, 1);
	cap_close(copy);
	cap_close(stranger);
	fixture_fini(&f);
}

static void
single_client_refuses_second(void)
{
	struct fixture f;
	cap_t first, second;
	fixture_init(&f, true);
	size_t cost = root_component_session_cost(&f.root);
	CHECK(fixture_create(&f, cost, "first", &first) == STATUS_OK);
	CHECK(fixture_create(&f, cost, "second", &second) == STATUS_DENIED);
	CHECK(strstr(fixture_last_line(), "single client: denied a session to \"second\" while the "
	                                  "session of \"first\"") != 0);
	CHECK_EQ(f.root.denials, 1);
	CHECK_EQ(root_component_count(&f.root), 1);
	CHECK(root_component_lookup(&f.root, first) != 0);
	CHECK(root_component_close(&f.root, first));
	CHECK(fixture_create(&f, cost, "second", &second) == STATUS_OK);
	fixture_fini(&f);
}

static void
hook_refusal_keeps_nothing(void)
{
	struct fixture f;
	cap_t cap;
	fixture_init(&f, false);
	f.refuse = STATUS_DENIED;
	CHECK(fixture_create(&f, 1u << 20, "no", &cap) == STATUS_DENIED);
	CHECK_EQ(heap_used(&f.heap), 0);
	CHECK_EQ(root_component_count(&f.root), 0);
	CHECK(fixture_create(&f, 1u << 20, "no\"", &cap) == STATUS_INVALID_ARGS);
	CHECK(fixture_create(&f, 1u << 20, "", &cap) == STATUS_DENIED);
	fixture_fini(&f);
}

/* the index under root_component, for other objects found by capability */
static void
cap_index_by_any_copy(void)
{
	struct cap_index index;
	struct cap_index_entry a, b;
	cap_t ca = fixture_socket(), cb = fixture_socket(), copy;
	cap_index_init(&index);
	CHECK(cap_index_insert(&index, &a, ca) == STATUS_OK);
	CHECK(cap_index_insert(&index, &b, cb) == STATUS_OK);
	CHECK(cap_dup(ca, &copy) == STATUS_OK);
	struct cap_index_entry dup;
	CHECK(cap_index_insert(&index, &dup, copy) == STATUS_CONFLICT);
	CHECK(cap_index_insert(&index, &dup, cap_invalid()) == STATUS_INVALID_CAP);
	CHECK_PTR_EQ(cap_index_lookup(&index, copy), &a);
	CHECK_PTR_EQ(cap_index_lookup(&index, cb), &b);
	cap_index_remove(&index, &a);
	cap_index_remove(&index, &a);
	CHECK_PTR_EQ(cap_index_lookup(&index, copy), 0);
	CHECK_EQ(cap_index_count(&index), 1);
	cap_close(copy);
	cap_close(ca);
	cap_close(cb);
}

TEST_MAIN(TEST_CASE(many_sessions_each_found_by_a_copy),
          TEST_CASE(short_donation_refused_with_amounts),
          TEST_CASE(budget_charged_refused_and_upgraded), TEST_CASE(close_by_copy),
          TEST_CASE(single_client_refuses_second), TEST_CASE(hook_refusal_keeps_nothing),
          TEST_CASE(cap_index_by_any_copy))
