/*
 * \brief  Forbidden calls only x86_64 has or only its filter can see
 */

#define _GNU_SOURCE
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cases.h"

/* socketpair is admitted for AF_UNIX only: the filter reads the family */
static long
do_socketpair_inet(void)
{
	int sv[2];
	return socketpair(AF_INET, SOCK_STREAM, 0, sv);
}

/* only ARCH_SET_FS, the thread pointer a static glibc sets at start */
static long
do_arch_prctl_gs(void)
{
	return syscall(SYS_arch_prctl, 0x1001 /* ARCH_SET_GS */, 0);
}

/* the x32 ABI arrives with the x86_64 audit arch, marked in the number */
static long
do_x32(void)
{
	return syscall(__X32_SYSCALL_BIT | SYS_getpid);
}

const struct attempt arch_attempts[] = {
        KILLED(socketpair_inet),
        KILLED(arch_prctl_gs),
        KILLED(x32),
};
const unsigned arch_attempt_count = sizeof(arch_attempts) / sizeof(arch_attempts[0]);

/* the host-access policy is described for x86_64 only (doc/sandbox.md) */
const bool arch_host_policy = true;
