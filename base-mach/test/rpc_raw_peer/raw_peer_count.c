/*
 * \brief  test-rpc's misbehaving peer on GNU Mach: what "descriptors" are
 *
 * Linux counts open descriptors; a Mach task holds rights under names,
 * and a copy of a right (cap_dup, the same port received again) is one
 * more user reference to the same name. The count therefore is:
 * - a right to a port this task receives on (its objects, reply ports,
 *   the decoy) counts each reference: its holders are parts of this very
 *   component (test-rpc is server and client at once), and a reference a
 *   server kept of a right it was sent shows there;
 * - a send right to any other port counts once per name: the kernel adds
 *   a reference to the task's and a thread's own name at every
 *   mach_task_self()/mach_thread_self(), which opens nothing;
 * - a port set or a dead name counts once;
 * - send-once rights do not count: one exists only while a call is under
 *   way (the test's own client threads keep calling meanwhile).
 */

#include <mach_gen/mach.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>

#include "../../../os/test/rpc/raw_peer.h"
#include "../../ipc/internal.h"

static unsigned
name_count(mach_port_t name, mach_port_type_t type)
{
	mach_port_urefs_t refs = 1;

	if ((type & MACH_PORT_TYPE_RECEIVE) && (type & MACH_PORT_TYPE_SEND) &&
	    mach_port_get_refs(ipc_task(), name, MACH_PORT_RIGHT_SEND, &refs) == KERN_SUCCESS)
		return 1 + refs;
	if (type &
	    (MACH_PORT_TYPE_SEND_RECEIVE | MACH_PORT_TYPE_PORT_SET | MACH_PORT_TYPE_DEAD_NAME))
		return 1;
	return 0;
}

unsigned
raw_peer_fd_count(void)
{
	mach_port_name_array_t names = 0;
	mach_port_type_array_t types = 0;
	mach_msg_type_number_t nnames = 0, ntypes = 0;
	unsigned n = 0;

	if (mach_port_names(ipc_task(), &names, &nnames, &types, &ntypes) != KERN_SUCCESS)
		return 0;
	for (mach_msg_type_number_t i = 0; i < nnames && i < ntypes; i++)
		n += name_count(names[i], types[i]);
	(void)vm_deallocate(ipc_task(), (vm_address_t)names, nnames * sizeof(*names));
	(void)vm_deallocate(ipc_task(), (vm_address_t)types, ntypes * sizeof(*types));
	return n;
}
