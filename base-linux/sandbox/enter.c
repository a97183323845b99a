/*
 * \brief  sandbox_enter: the four steps in their necessary order
 *
 * The order is forced: no_new_privs must precede the filter (the kernel
 * refuses an unprivileged filter otherwise), and the namespaces and the
 * mount view need unshare, mount and chroot, which the filter forbids.
 * core does the same to every process it creates, between clone and exec
 * (base-linux/core/pd_confine.c); this entry serves the unit test, which
 * confines forked children of its own.
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

const struct sandbox_policy sandbox_policy_host_access = {
        .role = SANDBOX_ROLE_HOST_ACCESS,
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
	static struct sandbox_program prog; /* too big for a small thread stack */

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

	status_t built = sandbox_program_build(p, &prog);
	if (built == STATUS_UNAVAILABLE) {
		sandbox_note(&note, "no host-access policy on this architecture");
		return built;
	}
	if (built != STATUS_OK) {
		sandbox_note(&note, "filter too long: %u instructions", prog.len);
		return STATUS_OUT_OF_MEMORY;
	}
	int err = sandbox_program_install(&prog, getpid(), true);
	if (err) {
		sandbox_note(&note, "seccomp filter refused: %s", strerror(err));
		return err == EBUSY ? STATUS_CONFLICT : STATUS_UNAVAILABLE;
	}
	return STATUS_OK;
}
