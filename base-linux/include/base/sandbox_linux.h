/*
 * \brief  Linux sandbox of a component process (see doc/sandbox.md)
 *
 * A component is a Linux process whose only legitimate contact with the
 * outside world is its descriptors: capabilities (socketpairs), signal
 * eventfds, its config and log pipes. core confines every process it
 * creates between clone and exec (base-linux/core/pd_confine.c): it
 * compiles the component policy once (sandbox_program_build), and each
 * new process makes its empty root (sandbox_empty_root) and installs the
 * program (sandbox_program_install) before its first instruction. The
 * framework's start-up code then only tightens (sandbox_tighten).
 *
 * sandbox_enter does the same to the calling process (tests):
 *
 *   1. PR_SET_NO_NEW_PRIVS, the precondition of an unprivileged seccomp
 *      filter, and no set-uid gain through a later execve either;
 *   2. fresh mount, IPC, UTS and network namespaces, where the machine
 *      permits them (root, or unprivileged user namespaces);
 *   3. a file-system view without files: an empty read-only root;
 *   4. a seccomp-BPF allowlist whose default kills the whole process with
 *      SIGSYS, which the parent reports as "forbidden system call".
 *
 * Steps 2 and 3 are hardening on top of step 4 and may be missing on a
 * machine: the call then still succeeds but says so in 'why'. Steps 1 and
 * 4 are the sandbox: if they fail, the call fails.
 */

#ifndef _BASE_LINUX__INCLUDE__BASE__SANDBOX_LINUX_H_
#define _BASE_LINUX__INCLUDE__BASE__SANDBOX_LINUX_H_

#include <linux/filter.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include <base/status.h>

/*
 * COMPONENT: no new processes, no file system. (A parent role existed
 * while components started their children themselves; core creates every
 * process now.) HOST_ACCESS: the component's policy plus what a
 * dynamically linked program needs to draw into a window of the host's X
 * server, for the one child top-level init's config grants <host-access>
 * (doc/sandbox.md, "The one exception").
 */
enum sandbox_role {
	SANDBOX_ROLE_COMPONENT,
	SANDBOX_ROLE_HOST_ACCESS,
};

struct sandbox_policy {
	enum sandbox_role role;
	bool namespaces; /* steps 2 and 3; off: seccomp only */
};

extern const struct sandbox_policy sandbox_policy_component;

#define SANDBOX_POLICY_COMPONENT (&sandbox_policy_component)

extern const struct sandbox_policy sandbox_policy_host_access;

#define SANDBOX_POLICY_HOST_ACCESS (&sandbox_policy_host_access)

/* enough for every warning sandbox_enter can produce at once */
enum { SANDBOX_WHY_MAX = 512 };

/*
 * Apply the policy to the calling process, for good; all its threads are
 * included. Call it single-threaded: mount namespaces cannot be entered
 * otherwise (this is then reported, not fatal).
 *
 * STATUS_OK: the filter is in place; 'why' is empty, or lists the missing
 * hardening (log it as a warning). Any other status: no filter is in
 * place, 'why' says why (log it as an error). 'why' may be NULL.
 */
status_t sandbox_enter(const struct sandbox_policy *p, char *why, size_t why_size);

enum {
	SANDBOX_PROGRAM_MAX = 2304
}; /* 160 rules of at most 9 instructions, the search, shared returns */

/* a policy compiled to BPF: made in core, installed by each new process */
struct sandbox_program {
	struct sock_filter insn[SANDBOX_PROGRAM_MAX];
	unsigned len;
	unsigned self_at; /* the instruction that compares with the own pid */
};

/*
 * Compile the policy's allowlist into *out, whose own-pid comparison
 * sandbox_program_install fills in. STATUS_OUT_OF_MEMORY if it is too long,
 * STATUS_UNAVAILABLE if this architecture has no such policy (host access
 * is described for x86_64 only).
 */
status_t sandbox_program_build(const struct sandbox_policy *p, struct sandbox_program *out);

/*
 * Set no_new_privs and install prog for the caller, whose pid (as it
 * sees it) is self; tsync: for all its threads. Returns 0 or an errno.
 * Async-signal-safe and free of libc state: core's clone child calls it
 * on core's borrowed memory, prog's pid slot being the only write.
 */
int sandbox_program_install(struct sandbox_program *prog, pid_t self, bool tsync);

/*
 * Make the caller's root an empty read-only tmpfs: mounts private,
 * tmpfs, chroot, chdir. Only in a mount namespace of the caller's own.
 * Returns 0 or an errno; async-signal-safe like sandbox_program_install.
 */
int sandbox_empty_root(void);

/*
 * Make the same empty root the only mount of the caller's mount namespace
 * (pivot_root, the old root detached), for a namespace others join by
 * setns. Only in a mount namespace of the caller's own, not on a rootfs
 * (pivot_root refuses it: EINVAL). Returns 0 or an errno.
 */
int sandbox_empty_namespace(void);

/*
 * The view of a host-access process instead: a read-only tmpfs root that
 * holds, bound read-only from the host, only what a dynamically linked
 * X11 program reads (the loader and libraries, X's data and socket
 * directory; host_view.c lists them). Same conditions and result as
 * sandbox_empty_root.
 */
int sandbox_host_view(void);

/*
 * What a component may do to itself once core confined it: add a second
 * filter that forbids what only its start needed (execve, execveat,
 * arch_prctl, set_tid_address). Filters only add up, so this can never
 * loosen core's. STATUS_OK, or no filter was added and 'why' says why.
 */
status_t sandbox_tighten(char *why, size_t why_size);

/*
 * Whether this build's filter is widened for ASan/UBSan (SAN=1 builds):
 * the sanitizer runtime's own calls are allowed, and open/openat/readlink
 * fail with EACCES instead of killing, so that a sanitizer report is
 * still printed whole from inside the sandbox.
 */
bool sandbox_relaxed_for_sanitizers(void);

#endif /* _BASE_LINUX__INCLUDE__BASE__SANDBOX_LINUX_H_ */
