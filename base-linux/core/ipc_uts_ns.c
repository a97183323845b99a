/*
 * \brief  The one IPC and the one UTS namespace every confined process joins
 *
 * A fresh IPC namespace per process is a fresh mqueue file system and a
 * teardown after the process's end, a fresh UTS namespace a copy of the
 * host name: together 15 us of every clone (36 against 22 us joined by
 * setns, a clone loop on the development VM), and more at the end. What
 * the two are for is that no process reaches the host's objects, or
 * changes what the host calls itself. One namespace of each, shared by
 * all processes and not core's, is as closed for each of them: a
 * component's filter forbids every System V IPC call, the POSIX message
 * queues and sethostname/setdomainname (doc/sandbox.md), so none can put
 * anything there for another one to find, or rename anything. A process
 * with host access keeps the host's IPC namespace (the X server attaches
 * its MIT-SHM segments there); its UTS namespace is the shared one too.
 *
 * Made once, at the first start, by a root core only (see shared_ns.c);
 * otherwise each process gets namespaces of its own as before.
 */

#define _GNU_SOURCE
#include <sched.h>

#include "pd_linux.h"

static int
ipcns_make(void)
{
	return shared_ns_unshare(CLONE_NEWIPC, "ipc");
}

static int
utsns_make(void)
{
	return shared_ns_unshare(CLONE_NEWUTS, "uts");
}

static struct shared_ns ipcns = {.what = "IPC", .make = ipcns_make};
static struct shared_ns utsns = {.what = "UTS", .make = utsns_make};

int
linux_ipcns_shared(void)
{
	return shared_ns_get(&ipcns);
}

int
linux_utsns_shared(void)
{
	return shared_ns_get(&utsns);
}
