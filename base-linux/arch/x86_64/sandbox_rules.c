/*
 * \brief  The x86_64 part of the component allowlist
 *
 * What x86_64 names differently from i386: direct socket calls, fstat by
 * newfstatat, mmap and fcntl without suffix, the thread pointer set by
 * arch_prctl. x32 calls arrive with AUDIT_ARCH_X86_64 too, marked by a
 * high bit in the number: the filter kills them as a foreign ABI.
 * doc/sandbox.md gives the reason of every line.
 */

#define _GNU_SOURCE
#include <asm/prctl.h>
#include <asm/unistd.h> /* __X32_SYSCALL_BIT */
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>

#include "../../sandbox/sandbox.h"

static const struct sandbox_rule hot[] = {
        ALLOW(sendto),
        ALLOW(recvfrom),
        ALLOW(sendmsg),
        ALLOW(recvmsg),
};

static const struct sandbox_rule rest[] = {
        ALLOW(newfstatat),
        ALLOW(fstat),
        ARG_EQ(getsockopt, 1, SOL_SOCKET),
        ARG(mmap, 2, PROT_EXEC, 0),
        ARG_EQ(socketpair, 0, AF_UNIX),
        ALLOW(shutdown),
        /*
         * descriptor flags and copies (ipc/cap.c, startup.c, glibc) and the
         * seals of a memfd of its own (component/dataspace.c; core's carry
         * F_SEAL_SEAL). Not locks, leases, owners, signals, notifications,
         * pipe sizes: refused below, the process lives. F_SETFL only with
         * O_NONBLOCK kept: file flags are shared by every holder of a
         * capability, and one that cleared it on a signal context's eventfd
         * could make its submitters block (doc/signals.md).
         */
        ARG_EQ(fcntl, 1, F_DUPFD_CLOEXEC),
        ARG_EQ(fcntl, 1, F_GETFD),
        ARG_EQ(fcntl, 1, F_SETFD),
        ARG_EQ(fcntl, 1, F_DUPFD),
        ARG_EQ(fcntl, 1, F_GETFL),
        ARG_EQ_AND(fcntl, 1, F_SETFL, 2, O_NONBLOCK, O_NONBLOCK),
        ARG_EQ(fcntl, 1, F_ADD_SEALS),
        ARG_EQ(fcntl, 1, F_GET_SEALS),
        REFUSE(fcntl, EPERM),
        /* the start of a static glibc sets the thread pointer */
        ARG_EQ(arch_prctl, 0, ARCH_SET_FS),
};

/*
 * Host access (doc/sandbox.md, "The one exception"): what a dynamically
 * linked SDL2/X11 program needs beyond the component's policy, found by
 * strace -f of test-host_access. Files are read from the read-only host
 * view only; sockets are local ones, whose only address outside the
 * empty network namespace is the X socket of that view; SysV shared
 * memory for MIT-SHM, new private segments only.
 */
/* the kernel's O_TMPFILE bit alone (glibc's __O_TMPFILE; musl has no name for it) */
#define OPEN_TMPFILE_BIT 020000000
#define OPEN_WRITING     (O_ACCMODE | O_CREAT | O_TRUNC | OPEN_TMPFILE_BIT)

static const struct sandbox_rule host[] = {
        /* the loader and Xlib read files; any other open is refused, not fatal */
        ARG(openat, 2, OPEN_WRITING, O_RDONLY),
        REFUSE(openat, EACCES),
        ALLOW(pread64),
        ALLOW(access),
        /* the loader maps a library's code from its file (never anonymous memory) */
        ARG(mmap, 3, MAP_ANONYMOUS, 0),
        /* the X connection (xcb), by path: the abstract name is per network namespace */
        ARG_EQ(socket, 0, AF_UNIX),
        ALLOW(connect),
        ALLOW(getpeername),
        ALLOW(uname), /* the host name, for X's authorization lookup */
        /* MIT-SHM: SDL's window surface in a segment the X server attaches */
        ARG_EQ(shmget, 0, IPC_PRIVATE),
        ALLOW(shmat),
        ALLOW(shmdt),
        ARG_EQ(shmctl, 1, IPC_RMID),
        /* the own ids and capability bounds, read by libraries' constructors */
        ALLOW(getuid),
        ALLOW(geteuid),
        ALLOW(getgid),
        ALLOW(getegid),
        ALLOW(getresuid),
        ALLOW(getresgid),
        ARG_EQ(prctl, 0, PR_CAPBSET_READ),
};

static const int start_only[] = {SYS_arch_prctl};

const struct sandbox_arch sandbox_arch = {
        .audit_arch = AUDIT_ARCH_X86_64,
        .nr_foreign = __X32_SYSCALL_BIT,
        .hot = SANDBOX_TABLE(hot),
        .rest = SANDBOX_TABLE(rest),
        .host = SANDBOX_TABLE(host),
        .start_only = start_only,
        .start_only_count = sizeof(start_only) / sizeof(start_only[0]),
};
