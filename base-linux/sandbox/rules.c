/*
 * \brief  The allowlists: which system calls a component may make
 *
 * Found by running the framework under strace -f (see doc/sandbox.md,
 * which gives the reason of every line). core installs the filter before
 * the exec, so the exec itself and the start of a static glibc are in it
 * (the last block); components are linked statically, there is no dynamic
 * loader to admit. The filter finds a call's rules by a search on its
 * number (filter.c); among the rules of one call the order here counts,
 * the first that takes the call decides. Calls
 * that an architecture names or numbers differently (mmap2, fcntl64, the
 * socket calls, setting the thread pointer) are in its own part,
 * base-linux/arch/<arch>/sandbox_rules.c.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#include "sandbox.h"

/* a thread shares everything; a new process (fork, vfork) does not */
#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD)
#define NS_FLAGS                                                                       \
	(CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | \
	 CLONE_NEWPID | CLONE_NEWNET)


/* the hottest calls, named alike by every architecture */
static const struct sandbox_rule common_hot[] = {
        ALLOW(write), ALLOW(epoll_wait),  ALLOW(preadv2),
        ALLOW(futex), ALLOW(futex_waitv), /* an entrypoint's wait on a call slot and its bell (ipc)
                                           */
};

/* the rest of what every architecture names alike */
static const struct sandbox_rule common[] = {
        ALLOW(epoll_ctl),
        ALLOW(close),
        ALLOW(timerfd_create), /* the Timer server's alarm (base-linux/timer) */
        ALLOW(timerfd_settime),
        ALLOW(timerfd_gettime),
        ALLOW(rt_sigprocmask),
        ARG(mprotect, 2, PROT_EXEC, 0),
        ALLOW(munmap),
        /*
         * advice that touches only the caller's view of its memory: glibc's
         * malloc and thread-stack cache, ASan. Not MADV_REMOVE (punches holes
         * into a memfd that others map), MERGEABLE (KSM), HWPOISON and the
         * rest: refused below, the process lives.
         */
        ARG_EQ(madvise, 2, MADV_DONTNEED),
        ARG_EQ(madvise, 2, MADV_FREE),
        ARG_EQ(madvise, 2, MADV_NORMAL),
        ARG_EQ(madvise, 2, MADV_RANDOM),
        ARG_EQ(madvise, 2, MADV_SEQUENTIAL),
        ARG_EQ(madvise, 2, MADV_WILLNEED),
        ARG_EQ(madvise, 2, MADV_DONTDUMP),
        ARG_EQ(madvise, 2, MADV_DODUMP),
        ARG_EQ(madvise, 2, MADV_HUGEPAGE),
        ARG_EQ(madvise, 2, MADV_NOHUGEPAGE),
        REFUSE(madvise, EPERM),
        ALLOW(mremap),
        ALLOW(brk),
        ALLOW(sigaltstack),
        ALLOW(set_robust_list),
        ALLOW(rseq),
        ARG(clone, 0, THREAD_FLAGS | NS_FLAGS, THREAD_FLAGS),
        /* glibc falls back to clone, whose flags, unlike clone3's, a filter can see */
        REFUSE(clone3, ENOSYS),
        ALLOW(exit),
        ALLOW(exit_group),
        ALLOW(gettid),
        ALLOW(getpid),
        ARG_EQ(prctl, 0, PR_SET_NAME),
        ARG_EQ(prctl, 0, PR_SET_DUMPABLE),
        ARG_EQ(prctl, 0, PR_GET_DUMPABLE),
        ALLOW(dup),
        ALLOW(epoll_create1),
        ALLOW(epoll_pwait),
        ALLOW(poll),
        ALLOW(ppoll),
        ALLOW(read),
        ALLOW(readv),
        ALLOW(writev),
        ALLOW(rt_sigaction),
        ALLOW(rt_sigreturn),
        ALLOW(restart_syscall),
        ALLOW(clock_gettime),
        ALLOW(clock_getres),
        ALLOW(gettimeofday),
        ALLOW(clock_nanosleep),
        ALLOW(nanosleep),
        ALLOW(sched_yield),
        ALLOW(getrandom),
        ARG_EQ(prlimit64, 0, 0),
        /* a server's read-only dataspace from bytes (init's <config> for a child) */
        ALLOW(memfd_create),
        /*
         * The exec and the start of a static glibc, which happen under this
         * filter: a descriptor's file only, never a path; the thread pointer;
         * glibc's look at /proc/self/exe, which has nothing to find.
         * sandbox_tighten forbids them again once the component runs.
         */
        ARG_EQ(execveat, 4, AT_EMPTY_PATH),
        ALLOW(set_tid_address),
        REFUSE(readlink, ENOENT),
        /* more filters can only take away (sandbox_tighten), never give */
        ARG_EQ(seccomp, 0, SECCOMP_SET_MODE_FILTER),
        ARG_EQ(prctl, 0, PR_SET_NO_NEW_PRIVS),
};

/* ASan/UBSan runtime calls; file opens fail softly so that reports finish */
static const struct sandbox_rule sanitizer[] = {
        ALLOW(sched_getaffinity), REFUSE(open, EACCES), REFUSE(openat, EACCES),
        REFUSE(ioctl, ENOTTY), /* isatty() of the report's colouring */
        /* readlink: refused with ENOENT by the component policy already */
};

static unsigned
append(struct sandbox_rule *out, unsigned at, unsigned max, const struct sandbox_rule *rules,
       unsigned count)
{
	for (unsigned i = 0; i < count && at < max; i++)
		out[at++] = rules[i];
	return at;
}

#define APPEND(table) n = append(out, n, max, table, sizeof(table) / sizeof(table[0]))

unsigned
sandbox_rules(enum sandbox_role role, struct sandbox_rule *out, unsigned max)
{
	unsigned n = 0;

	APPEND(common_hot);
	n = append(out, n, max, sandbox_arch.hot.rules, sandbox_arch.hot.count);
	APPEND(common);
	n = append(out, n, max, sandbox_arch.rest.rules, sandbox_arch.rest.count);
	/* raise() and abort() signal the own process (pid filled in at install) */
	static const struct sandbox_rule own_tgkill[] = {
	        {.nr = SYS_tgkill, .kind = RULE_ARG, .arg = 0, .mask = 0xffffffffu, .self = true}};
	APPEND(own_tgkill);
	/* the component's policy, and for host access the architecture's additions */
	if (role == SANDBOX_ROLE_HOST_ACCESS)
		n = append(out, n, max, sandbox_arch.host.rules, sandbox_arch.host.count);
	if (SANDBOX_SANITIZER)
		APPEND(sanitizer);
	return n;
}
