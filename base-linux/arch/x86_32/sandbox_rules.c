/*
 * \brief  The i386 part of the component allowlist
 *
 * What i386 names differently from x86_64:
 * - glibc (2.36, built for kernels from 3.2 on) reaches sockets through
 *   socketcall(call, args): the filter sees the call's number but not its
 *   arguments, which are in memory. So socketpair cannot be held to
 *   AF_UNIX nor getsockopt to SOL_SOCKET here; what remains is the kernel:
 *   socketpair exists for AF_UNIX only among the families a component's
 *   empty network namespace has, and the socket calls that make
 *   addresses (socket, bind, connect, listen, accept) stay forbidden. The
 *   direct calls (Linux 4.3 on) are admitted with the x86_64 checks, for
 *   code that makes them itself: the framework's platform code
 *   (base-linux/include/base/internal/lx_socket.h).
 * - mmap2 and fcntl64, fstat by statx (with fstatat64 and fstat64 as the
 *   C library's fall-backs), getrlimit by ugetrlimit;
 * - the time64 calls, which a 32-bit glibc tries first (futex_time64, ...);
 * - the thread pointer is set by set_thread_area, threads' by clone.
 * doc/sandbox.md gives the reason of every line.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/net.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>

#include "../../sandbox/sandbox.h"

/* the framework's RPC makes the direct calls (lx_socket.h): they come first */
static const struct sandbox_rule hot[] = {
        ALLOW(sendto),
        ALLOW(recvfrom),
        ALLOW(sendmsg),
        ALLOW(recvmsg),
        ALLOW(futex_time64),
        ARG_EQ(socketcall, 0, SYS_SENDMSG),
        ARG_EQ(socketcall, 0, SYS_RECVMSG),
        ARG_EQ(socketcall, 0, SYS_SEND),
        ARG_EQ(socketcall, 0, SYS_RECV),
        ARG_EQ(socketcall, 0, SYS_SENDTO),
        ARG_EQ(socketcall, 0, SYS_RECVFROM),
};

static const struct sandbox_rule rest[] = {
        ALLOW(statx),
        ALLOW(fstatat64),
        ALLOW(fstat64),
        ARG_EQ(socketcall, 0, SYS_SOCKETPAIR),
        ARG_EQ(socketcall, 0, SYS_SHUTDOWN),
        ARG_EQ(socketcall, 0, SYS_GETSOCKOPT),
        ARG_EQ(getsockopt, 1, SOL_SOCKET),
        ARG_EQ(socketpair, 0, AF_UNIX),
        ALLOW(shutdown),
        ARG(mmap2, 2, PROT_EXEC, 0),
        /* the same descriptor operations as on x86_64 (see there) */
        ARG_EQ(fcntl64, 1, F_DUPFD_CLOEXEC),
        ARG_EQ(fcntl64, 1, F_GETFD),
        ARG_EQ(fcntl64, 1, F_SETFD),
        ARG_EQ(fcntl64, 1, F_DUPFD),
        ARG_EQ(fcntl64, 1, F_GETFL),
        ARG_EQ_AND(fcntl64, 1, F_SETFL, 2, O_NONBLOCK, O_NONBLOCK),
        ARG_EQ(fcntl64, 1, F_ADD_SEALS),
        ARG_EQ(fcntl64, 1, F_GET_SEALS),
        REFUSE(fcntl64, EPERM),
        ALLOW(clock_gettime64),
        ALLOW(clock_getres_time64),
        ALLOW(clock_nanosleep_time64),
        ALLOW(timerfd_settime64),
        ALLOW(timerfd_gettime64),
        ALLOW(ppoll_time64),
        ALLOW(ugetrlimit),
        ALLOW(sigreturn), /* a handler installed without SA_SIGINFO */
        /* the start of a static glibc sets the thread pointer */
        ALLOW(set_thread_area),
};

static const int start_only[] = {SYS_set_thread_area};

const struct sandbox_arch sandbox_arch = {
        .audit_arch = AUDIT_ARCH_I386,
        .nr_foreign = 0,
        .hot = SANDBOX_TABLE(hot),
        .rest = SANDBOX_TABLE(rest),
        .host = {0, 0}, /* host access is described for x86_64 only */
        .start_only = start_only,
        .start_only_count = sizeof(start_only) / sizeof(start_only[0]),
};
