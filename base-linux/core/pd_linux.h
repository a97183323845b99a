/*
 * \brief  core's Linux state of a process it created (private to base-linux/core)
 */

#ifndef _BASE_LINUX__CORE__PD_LINUX_H_
#define _BASE_LINUX__CORE__PD_LINUX_H_

#include <sys/types.h>

#include <base/sandbox_linux.h>

#include "core_service.h"
#include "memcg.h"
#include "platform.h"

enum { STRAY_LINE_MAX = 400 };

struct line_buf {
	char buf[STRAY_LINE_MAX];
	size_t len;
};

/*
 * A process is connected to core by its pidfd, readable once it has
 * ended, and one pipe, its stdout/stderr, which carries only stray
 * output (its log lines go to its LOG session). Both are watched by
 * core's entrypoint, so output and end are handled between RPC calls.
 *
 * Each record is a block of core's heap, made by platform_pd_create and
 * freed by platform_pd_destroy, and paid by the PD session (its
 * PLATFORM_PD_META_MAX): no table bounds how many processes core runs.
 */
struct linux_pd {
	struct linux_pd *next; /* core's list of its processes (pd_watch.c) */
	unsigned id;           /* the platform's id of the process, never reused while it lives */
	bool ended;            /* reaped; on_end was called */
	bool pid_ns;           /* the process is the init of a PID namespace of its own */
	pid_t pid;
	int pidfd, out_fd;
	uint64_t pid_watch, out_watch;
	struct entrypoint *ep;
	char label[CORE_LABEL_MAX];
	struct line_buf out;
	platform_pd_end_fn on_end;
	void *ctx;
	struct linux_memcg_pd memcg;
};

_Static_assert(sizeof(struct linux_pd) <= PLATFORM_PD_META_MAX, "PD metadata exceeds its charge");

/* the first of core's processes (next: the others), NULL if none */
struct linux_pd *linux_pd_first(void);

/*
 * clone and exec p's process from binary (a descriptor); out_w becomes its
 * stdout/stderr; it joins the memory cgroup of memcg_procs (its
 * cgroup.procs, -1: none) before exec. All three BORROWED.
 */
status_t linux_pd_spawn(struct linux_pd *p, const struct platform_pd_start *start, int binary,
                        int out_w, int memcg_procs);

/* watch p's pidfd and pipe at p->ep */
status_t linux_pd_watch(struct linux_pd *p);

/* stop watching, close p's descriptors */
void linux_pd_unwatch(struct linux_pd *p);

/* read what the pipe holds now; returns false once the writer closed it */
bool stray_drain(struct linux_pd *p);

/* log what is left in the buffer, e.g. a last line without newline */
void stray_flush(struct linux_pd *p);

/*
 * How p ended, from waitid's si_code and si_status, in platform-neutral
 * terms (pd_end.c): the signal becomes an exit_reason, an exit status is
 * dropped (the exit value comes from the process itself).
 */
struct platform_pd_end linux_pd_end_of(const struct linux_pd *p, int code, int status);

/* the nice value of platform priority prio of 0 .. limit (cpu_priority.c) */
int linux_nice_of(uint32_t prio, uint32_t limit);

/*
 * Whether the file of fd (BORROWED) is core's own binary, by content; also
 * true if that cannot be told (logged), so that such a module is not run.
 */
bool linux_core_image_is(int fd);

/* children start without sandbox (core's --no-sandbox), and so do theirs */
void linux_pd_sandbox_off(void);

/*
 * Take core's --tap <device>:<label> options out of argv (tap_service.c):
 * each opens its TAP device now and grants it to top-level init's child
 * <label>. The remaining argc, or -1 after logging a malformed one.
 */
int linux_tap_options_take(int argc, char **argv);

/*
 * Dedicated ids of the processes of a core running as root: PD_ID_BASE +
 * the process's id, far above any account of the host (doc/sandbox.md).
 * Ids stay below PD_ID_COUNT, so that PD_ID_BASE + id is a valid uid.
 */
enum { PD_ID_BASE = 2000000000u, PD_ID_COUNT = 2000000000u };

/* how core confines one new process (pd_confine.c) */
struct pd_confinement {
	bool on;      /* off: core's --no-sandbox */
	bool user_ns; /* core is not root: ids mapped 1:1 in a user namespace */
	bool host;    /* host access: the host's view and IPC, the wider policy */
	uid_t uid;    /* the process's identity, never 0 */
	gid_t gid;
	struct sandbox_program *filter; /* BORROWED: core's compiled policy (of the two) */
	int netns; /* BORROWED: the shared empty network namespace (netns.c); -1: a new one */
	int mntns; /* BORROWED: the shared empty mount namespace (mntns.c); -1: a new one */
	int ipcns; /* BORROWED: the shared IPC namespace (ipc_uts_ns.c); -1: a new one */
	int utsns; /* BORROWED: the shared UTS namespace (ipc_uts_ns.c); -1: a new one */
	unsigned cap_last; /* the kernel's highest capability number */
	bool bound_empty;  /* the spawning thread's bounding set is empty: the child inherits it */
};

/*
 * A namespace made once (by make: its descriptor, or -errno) for all
 * confined processes to join; shared_ns_get: its descriptor, -1 if
 * there is none (core is not root, or make failed: logged once).
 */
struct shared_ns {
	const char *what; /* "network", "mount": for the warning */
	int (*make)(void);
	bool tried;
	int fd; /* OWNED, kept for core's life */
};

int shared_ns_get(struct shared_ns *ns);

/* a fresh namespace of kind flag (CLONE_NEW*) made in a thread; its descriptor or -errno */
int shared_ns_unshare(int flag, const char *proc);

/* the empty network namespace all confined processes share; -1: none (each gets one) */
int linux_netns_shared(void);

/* the mount namespace of nothing but the empty root they share; -1: none (each gets one) */
int linux_mntns_shared(void);

/* the IPC and UTS namespaces they share (ipc_uts_ns.c); -1: none (each gets one) */
int linux_ipcns_shared(void);
int linux_utsns_shared(void);

/* the namespaces a confined process gets beside its PID namespace */
int pd_confine_clone_flags(const struct pd_confinement *c);

/* the kernel's highest capability number (/proc/sys/kernel/cap_last_cap), 63 if unknown */
unsigned pd_confine_cap_last(void);

/* empty the calling thread's bounding set (once per thread); true if it is empty */
bool pd_confine_own_bound_empty(void);

/*
 * What the environment of a process holds: GENODE_SANDBOX=off under
 * --no-sandbox, and for host access the DISPLAY core was started with
 * (host_env.c). envp has room for PD_ENV_MAX strings and a NULL.
 */
enum { PD_ENV_MAX = 2 };
void linux_pd_env(char *envp[PD_ENV_MAX + 1], const char *sandbox_env, bool host);

/*
 * Steps of the clone child (on core's borrowed memory, plain system calls
 * only). Each returns 0 or an errno, *step naming what failed.
 * view: user-namespace id maps, the empty root, RLIMIT_CORE 0 (still
 * privileged); identity: capabilities and ids dropped; filter: last,
 * no_new_privs and the seccomp program.
 */
int pd_confine_view(const struct pd_confinement *c, const char **step);
int pd_confine_identity(const struct pd_confinement *c, const char **step);
int pd_confine_filter(const struct pd_confinement *c, const char **step);

#endif /* _BASE_LINUX__CORE__PD_LINUX_H_ */
