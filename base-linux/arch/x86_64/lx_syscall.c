/*
 * \brief  System calls on x86_64: the syscall instruction
 *
 * The number in rax, the arguments in rdi, rsi, rdx, r10, r8, r9; the
 * result in rax. The kernel uses rcx and r11 for the return address
 * and flags. See base-linux/include/base/internal/lx_syscall.h.
 */

#include <base/internal/lx_syscall.h>

#define LX_CLOBBERS "rcx", "r11", "memory"

long
lx_syscall0(long nr)
{
	long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "a"(nr) : LX_CLOBBERS);
	return ret;
}

long
lx_syscall1(long nr, long a1)
{
	long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a1) : LX_CLOBBERS);
	return ret;
}

long
lx_syscall2(long nr, long a1, long a2)
{
	long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a1), "S"(a2) : LX_CLOBBERS);
	return ret;
}

long
lx_syscall3(long nr, long a1, long a2, long a3)
{
	long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a1), "S"(a2), "d"(a3) : LX_CLOBBERS);
	return ret;
}

long
lx_syscall4(long nr, long a1, long a2, long a3, long a4)
{
	register long r10 __asm__("r10") = a4;
	long ret;
	__asm__ volatile("syscall"
	                 : "=a"(ret)
	                 : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10)
	                 : LX_CLOBBERS);
	return ret;
}

long
lx_syscall5(long nr, long a1, long a2, long a3, long a4, long a5)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	long ret;
	__asm__ volatile("syscall"
	                 : "=a"(ret)
	                 : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8)
	                 : LX_CLOBBERS);
	return ret;
}

long
lx_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;
	long ret;
	__asm__ volatile("syscall"
	                 : "=a"(ret)
	                 : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
	                 : LX_CLOBBERS);
	return ret;
}
