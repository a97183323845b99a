/*
 * \brief  Synchronous calls: payload, status, capabilities, dissolve, peer gone
 */

#include <mach_gen/mach_port.h>
#include <mach_rt.h>
#include <test_rpc/client.h>

#include "test.h"

static mach_port_urefs_t
send_refs(cap_t c)
{
	mach_port_urefs_t refs = 0;
	(void)mach_port_get_refs(mach_task_self(), (mach_port_t)c.sel, MACH_PORT_RIGHT_SEND, &refs);
	return refs;
}

static void
checks_round_trip(void)
{
	uint32_t sum = 0;

	check("call round trip carries payload",
	      test_rpc_add(srv_cap[0], 2, 3, &sum) == STATUS_OK && sum == 5);
	check("call returns the server's status",
	      test_rpc_add(srv_cap[0], DENY_MAGIC, 1, &sum) == STATUS_DENIED);
}

static void
checks_caps(void)
{
	test_rpc_cap_t c1, k;
	struct cap_key a, b;
	uint32_t id = 99;

	check("cap in a reply", test_rpc_object(srv_cap[0], 1, &c1) == STATUS_OK &&
	                                cap_same(cap_raw(c1), cap_raw(srv_cap[1])));
	check("received cap calls its object", test_rpc_id(c1, &id) == STATUS_OK && id == 1);
	check("cap in a request recognised by the server",
	      test_rpc_keep(srv_cap[0], c1) == STATUS_OK && srv_kept_same);
	check("cap back after a round trip has the same key",
	      test_rpc_kept(srv_cap[0], &k) == STATUS_OK &&
	              cap_key_get(cap_raw(k), &a) == STATUS_OK &&
	              cap_key_get(cap_raw(c1), &b) == STATUS_OK && cap_key_compare(&a, &b) == 0 &&
	              test_rpc_id(k, &id) == STATUS_OK && id == 1);
	cap_close(cap_raw(k));
	cap_close(cap_raw(c1));
}

static void
checks_refs(void)
{
	cap_t c = cap_raw(srv_cap[0]), d;
	mach_port_urefs_t before = send_refs(c);
	mach_port_t port;
	struct cap_key key;

	check("cap_dup adds one reference",
	      cap_dup(c, &d) == STATUS_OK && send_refs(c) == before + 1);
	cap_close(d);
	check("cap_close drops one, the other copy works",
	      send_refs(c) == before && test_rpc_id(srv_cap[0], &(uint32_t){0}) == STATUS_OK);
	(void)syscall_mach_port_allocate(mach_task_self(), MACH_PORT_RIGHT_RECEIVE, &port);
	(void)syscall_mach_port_insert_right(mach_task_self(), port, port, MACH_MSG_TYPE_MAKE_SEND);
	cap_t p = {.sel = (long)port};
	check("cap_key_get of an open cap", cap_key_get(p, &key) == STATUS_OK);
	cap_close(p);
	check("closed cap: no key, no dup",
	      cap_key_get(p, &key) == STATUS_INVALID_CAP && cap_dup(p, &d) == STATUS_INVALID_CAP);
	(void)mach_port_destroy(mach_task_self(), port);
	check("invalid cap: call is INVALID_CAP",
	      test_rpc_id(CAP_TYPED(test_rpc_cap_t, cap_invalid()), &(uint32_t){0}) ==
	              STATUS_INVALID_CAP);
	check("cap argument not open: INVALID_ARGS",
	      test_rpc_keep(srv_cap[0], CAP_TYPED(test_rpc_cap_t, ((cap_t){.sel = 54321}))) ==
	              STATUS_INVALID_ARGS);
}

static void
checks_dissolve(void)
{
	struct cap_key key;
	uint32_t id;
	cap_t d;

	check("dissolve another object",
	      test_rpc_dissolve(srv_cap[0], 2) == STATUS_OK &&
	              test_rpc_id(srv_cap[2], &id) == STATUS_INVALID_CAP);
	check("a dissolved object's cap is still open (dead name)",
	      cap_key_get(cap_raw(srv_cap[2]), &key) == STATUS_OK &&
	              cap_dup(cap_raw(srv_cap[2]), &d) == STATUS_OK);
	cap_close(d);
	check("the call that dissolves its own object gets its reply",
	      test_rpc_dissolve(srv_cap[3], 3) == STATUS_OK &&
	              test_rpc_id(srv_cap[3], &id) == STATUS_INVALID_CAP);
	check("server drops the reply right: PEER_GONE, no hang",
	      test_rpc_add(srv_cap[0], DROP_MAGIC, 0, &(uint32_t){0}) == STATUS_PEER_GONE);
	check("and the next call works", test_rpc_id(srv_cap[0], &id) == STATUS_OK && id == 0);
}

void
checks_call(void)
{
	checks_round_trip();
	checks_caps();
	checks_refs();
	checks_dissolve();
}
