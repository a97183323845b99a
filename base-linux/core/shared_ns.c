/*
 * \brief  A namespace core makes once and every confined process joins
 *
 * The network (netns.c) and mount (mntns.c) namespaces are made at the
 * first start, and only by a root core: otherwise they would belong to a
 * user namespace the processes are not in. Where that fails, each
 * process gets a namespace of its own, as before, and core says so once.
 */

#include <string.h>
#include <unistd.h>

#include <base/log.h>

#include "pd_linux.h"

int
shared_ns_get(struct shared_ns *ns)
{
	if (ns->tried)
		return ns->fd;
	ns->tried = true;
	ns->fd = -1;
	if (geteuid() != 0)
		return -1;
	int got = ns->make();
	if (got < 0)
		log_warning("core: no shared %s namespace (%s): each process gets one of its own",
		            ns->what, strerror(-got));
	else
		ns->fd = got;
	return ns->fd;
}
