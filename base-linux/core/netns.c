/*
 * \brief  The one empty network namespace every confined process joins
 *
 * A network namespace of its own per process cost more than anything
 * else in a component's start: clone with CLONE_NEWNET took 400 us here
 * against 55 us without, and its teardown runs later on a kernel worker
 * that waits for RCU grace periods (bench-spawn: 1.6 to 2.3 ms per start
 * with it, 1.1 ms without). What the namespace is for is emptiness: no
 * interface but a loopback that stays down, no abstract unix socket of
 * the host. One empty namespace shared by all processes is as empty for
 * each of them, because no component can put anything into it: socket,
 * bind and listen are forbidden by the filter for every component
 * (host access admits socket and connect for the X connection, never
 * bind), and bringing the loopback up needs CAP_NET_ADMIN, which no
 * process keeps. So a process can neither offer nor find anything there.
 *
 * core makes it once, on the first start, in a short-lived thread of its
 * own: namespaces belong to threads, so the thread unshares a fresh one,
 * keeps a descriptor of it and ends, and no thread of core ever leaves
 * the namespace core serves TAP devices in. Where the kernel refuses
 * (core is not root, so the namespace would belong to a user namespace
 * the children are not in), every process gets its own namespace as
 * before.
 */

#define _GNU_SOURCE
#include <sched.h>

#include "pd_linux.h"

static int
netns_make(void)
{
	return shared_ns_unshare(CLONE_NEWNET, "net");
}

static struct shared_ns netns = {.what = "network", .make = netns_make};

int
linux_netns_shared(void)
{
	return shared_ns_get(&netns);
}
