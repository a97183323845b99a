/*
 * \brief  A component ends with its parent
 *
 * In Genode, destroying a child destroys everything it created: its
 * children are its own resources. On Linux a killed parent would leave
 * its children running as orphans, holding their processes (their
 * sessions are closed by the grandparent, which closes whatever the dead
 * parent had opened). So every component asks the kernel for SIGKILL when
 * its parent goes. The parent may have gone before the request took
 * effect: then its end of the parent capability is closed already (a
 * process's descriptors close before its children are re-parented), and
 * the component ends by itself.
 *
 * Once core creates every process, closing a child's PD session will do
 * the same at core, and this becomes a second line of defence.
 */

#define _GNU_SOURCE
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <base/parent_linux.h>

#include "parent_death.h"

void
parent_death_follow(void)
{
	struct pollfd p = {.fd = PARENT_CAP_FD, .events = POLLRDHUP};

	/* started by hand (no parent capability): nobody to follow */
	if (poll(&p, 1, 0) < 0 || (p.revents & POLLNVAL))
		return;
	if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0)
		return; /* an older filter refused it: live on as before */
	p.revents = 0;
	if (poll(&p, 1, 0) == 1 && (p.revents & (POLLRDHUP | POLLHUP)))
		_exit(1);
}
