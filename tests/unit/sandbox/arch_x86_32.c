/*
 * \brief  Forbidden calls only i386 has, and what its filter cannot see
 *
 * glibc reaches sockets through socketcall, whose arguments are in memory
 * where a seccomp filter cannot read them (base-linux/arch/x86_32/
 * sandbox_rules.c): socketpair(AF_INET) passes the filter and is refused
 * by the kernel, which pairs only local sockets. The direct calls carry
 * their arguments in registers and are held to AF_UNIX as on x86_64.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <linux/net.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cases.h"

static long
do_socketpair_inet(void)
{
	int sv[2];
	return socketpair(AF_INET, SOCK_STREAM, 0, sv);
}

static long
do_socketpair_inet_direct(void)
{
	int sv[2];
	return syscall(SYS_socketpair, AF_INET, SOCK_STREAM, 0, sv);
}

static long
do_socket_direct(void)
{
	return syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
}

/* socketcall's calls that make or find addresses are not in the list */
static long
do_socketcall_socket(void)
{
	unsigned long args[] = {AF_UNIX, SOCK_STREAM, 0};
	return syscall(SYS_socketcall, SYS_SOCKET, args);
}

/* the x86_64 way to set a thread pointer does not exist for i386 code */
static long
do_arch_prctl(void)
{
	return syscall(SYS_arch_prctl, 0x1002 /* ARCH_SET_FS */, 0);
}

/* the old mmap (a pointer to its arguments) is not mmap2 */
static long
do_old_mmap(void)
{
	return syscall(SYS_mmap, NULL);
}

const struct attempt arch_attempts[] = {
        {"socketpair_inet", do_socketpair_inet, EOPNOTSUPP, EOPNOTSUPP},
        KILLED(socketpair_inet_direct),
        KILLED(socket_direct),
        KILLED(socketcall_socket),
        KILLED(arch_prctl),
        KILLED(old_mmap),
};
const unsigned arch_attempt_count = sizeof(arch_attempts) / sizeof(arch_attempts[0]);

/* the host-access policy is described for x86_64 only (doc/sandbox.md) */
const bool arch_host_policy = false;
