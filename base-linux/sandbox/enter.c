/*
 * \brief  sandbox_enter: the four steps in their necessary order
 *
 * The order is forced: no_new_privs must precede the filter (the kernel
 * refuses an unprivileged filter otherwise), and the namespaces and the
 * mount view need unshare, mount and chroot, which the filter forbids.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "sandbox.h"

const struct sandbox_policy sandbox_policy_component = {
        .role = SANDBOX_ROLE_COMPONENT,
        .namespaces = true,
};

bool
sandbox_relaxed_for_sanitizers(void)
{
	return SANDBOX_SANITIZER;
}

status_t
sandbox_enter(const struct sandbox_policy *p, char *why, size_t why_size)
{
	struct sandbox_note note = {why, why ? why_size : 0, 0};
	static struct sandbox_rule rules[SANDBOX_RULES_MAX];

	if (note.size)
		note.buf[0] = '\0';
	if (!p) {
		sandbox_note(&note, "no policy given");
		return STATUS_INVALID_ARGS;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		sandbox_note(&note, "no_new_privs refused: %s", strerror(errno));
		return STATUS_UNAVAILABLE;
	}
	if (p->namespaces && sandbox_unshare(&note))
		sandbox_mount_view(p->role, &note);

	/* static: the table is too big for a small thread stack */
	unsigned count = sandbox_rules(p->role, getpid(), rules, SANDBOX_RULES_MAX);
	return sandbox_filter_install(rules, count, &note);
}
