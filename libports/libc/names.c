/*
 * \brief  C runtime: names of system calls, and the answer to unsupported ones
 */

#include <errno.h>
#include <stdatomic.h>

#include <base/log.h>
#include <util/format.h>

#include "internal.h"

/* generated from the kernel's numbers (tool/mk/ports.mk) */
static const char *const names[] = {
#include <libc_gen/syscall_names.h>
};

enum { NAMES = sizeof(names) / sizeof(names[0]) };

/* one bit per system call already reported; higher numbers share the last */
static _Atomic unsigned char reported[(NAMES + 8) / 8];

const char *
libc_syscall_name(long nr, char *buf, unsigned size)
{
	if (nr >= 0 && nr < NAMES && names[nr])
		return names[nr];
	format_string(buf, size, "syscall %ld", nr);
	return buf;
}

long
libc_unsupported(long nr)
{
	long bit = (nr >= 0 && nr < NAMES) ? nr : NAMES;
	unsigned char mask = (unsigned char)(1u << (bit % 8));
	if (!(atomic_fetch_or(&reported[bit / 8], mask) & mask)) {
		char buf[32];
		log_warning("libc: %s is not supported, answered ENOSYS (logged once)",
		            libc_syscall_name(nr, buf, sizeof(buf)));
	}
	return -ENOSYS;
}
