/*
 * \brief  A Linux system call on i386, made directly (int $0x80)
 *
 * ebx and ebp may be reserved by the compiler (PIC, frame pointer), so
 * the six arguments are loaded from memory inside the asm.
 */

#include "../../libc/raw_syscall.h"

long
raw_syscall6(long nr, long a, long b, long c, long d, long e, long f)
{
	long args[6] = {a, b, c, d, e, f};
	long ret;
	__asm__ volatile("push %%ebx\n\t"
	                 "push %%ebp\n\t"
	                 "mov 0(%%ecx), %%ebx\n\t"
	                 "mov 12(%%ecx), %%esi\n\t"
	                 "mov 16(%%ecx), %%edi\n\t"
	                 "mov 20(%%ecx), %%ebp\n\t"
	                 "mov 8(%%ecx), %%edx\n\t"
	                 "mov 4(%%ecx), %%ecx\n\t"
	                 "int $0x80\n\t"
	                 "pop %%ebp\n\t"
	                 "pop %%ebx"
	                 : "=a"(ret)
	                 : "a"(nr), "c"(args)
	                 : "edx", "esi", "edi", "memory");
	return ret;
}
