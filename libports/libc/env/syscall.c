/*
 * \brief  C runtime: where every system call of musl arrives
 *
 * musl's system-call layer (libports/musl/overlay) calls this instead of
 * entering the kernel. The call goes to the first part of the runtime
 * that serves it: files and sockets (the plugins), memory, time, the end
 * of the process, the platform's process-internal calls; anything else is
 * answered ENOSYS and named in the log once. So a component never makes
 * a system call through libc that its sandbox would punish.
 */

#include <errno.h>
#include <sys/syscall.h>

#include <libc-plugin/platform.h>

#include "../internal.h"
#include "libc_env.h"

static long
getcwd_call(char *buf, unsigned long size)
{
	if (size < 2)
		return -ERANGE;
	buf[0] = '/';
	buf[1] = 0;
	return 2;
}

static long
process_call(long nr, long a, long b, bool *served)
{
	*served = true;
	switch (nr) {
	case SYS_exit_group:
		/* the parent learns the exit value; without an environment the platform ends us */
		if (libc_env)
			env_exit(libc_env, (int)a);
		*served = false;
		return -ENOSYS;
	case SYS_brk:
		return 0; /* no break area: musl's malloc then takes mmap */
	case SYS_getcwd:
		return getcwd_call((char *)a, (unsigned long)b);
	default:
		*served = false;
		return -ENOSYS;
	}
}


long libc_syscall_dispatch(long nr, long a, long b, long c, long d, long e, long f);

long
libc_syscall_dispatch(long nr, long a, long b, long c, long d, long e, long f)
{
	bool served;
	long r = libc_dispatch(nr, a, b, c, d, e, f, &served);
	if (served)
		return r;
	r = libc_memory_syscall(nr, a, b, c, d, e, f, &served);
	if (served)
		return r;
	r = libc_time_syscall(nr, a, b, c, d, &served);
	if (served)
		return r;
	r = process_call(nr, a, b, &served);
	if (served)
		return r;
	r = libc_platform_syscall(nr, a, b, c, d, e, f, &served);
	return served ? r : libc_unsupported(nr);
}
