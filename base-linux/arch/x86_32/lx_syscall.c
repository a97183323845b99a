/*
 * \brief  System calls on i386: int $0x80
 *
 * The number in eax, the arguments in ebx, ecx, edx, esi, edi, ebp; the
 * result in eax. int $0x80 works on every kernel, also a 64-bit one
 * running i386 programs, and needs no vDSO lookup; its few cycles more
 * than the vDSO's sysenter do not show beside a system call's own cost.
 * Six arguments need ebp, which the compiler may keep as frame pointer
 * and cannot hand to an asm statement: lx_syscall6 is written in
 * assembly. See base-linux/include/base/internal/lx_syscall.h.
 */

#include <base/internal/lx_syscall.h>

long
lx_syscall0(long nr)
{
	long ret;
	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr) : "memory");
	return ret;
}

long
lx_syscall1(long nr, long a1)
{
	long ret;
	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a1) : "memory");
	return ret;
}

long
lx_syscall2(long nr, long a1, long a2)
{
	long ret;
	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a1), "c"(a2) : "memory");
	return ret;
}

long
lx_syscall3(long nr, long a1, long a2, long a3)
{
	long ret;
	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a1), "c"(a2), "d"(a3) : "memory");
	return ret;
}

long
lx_syscall4(long nr, long a1, long a2, long a3, long a4)
{
	long ret;
	__asm__ volatile("int $0x80"
	                 : "=a"(ret)
	                 : "a"(nr), "b"(a1), "c"(a2), "d"(a3), "S"(a4)
	                 : "memory");
	return ret;
}

long
lx_syscall5(long nr, long a1, long a2, long a3, long a4, long a5)
{
	long ret;
	__asm__ volatile("int $0x80"
	                 : "=a"(ret)
	                 : "a"(nr), "b"(a1), "c"(a2), "d"(a3), "S"(a4), "D"(a5)
	                 : "memory");
	return ret;
}

/* cdecl: nr and a1..a6 on the stack, above the return address */
__asm__(".text\n"
        ".globl lx_syscall6\n"
        ".type lx_syscall6, @function\n"
        "lx_syscall6:\n"
        "	.cfi_startproc\n"
        "	pushl %ebp\n"
        "	.cfi_adjust_cfa_offset 4\n"
        "	.cfi_rel_offset %ebp, 0\n"
        "	pushl %edi\n"
        "	.cfi_adjust_cfa_offset 4\n"
        "	.cfi_rel_offset %edi, 0\n"
        "	pushl %esi\n"
        "	.cfi_adjust_cfa_offset 4\n"
        "	.cfi_rel_offset %esi, 0\n"
        "	pushl %ebx\n"
        "	.cfi_adjust_cfa_offset 4\n"
        "	.cfi_rel_offset %ebx, 0\n"
        "	movl 20(%esp), %eax\n" /* nr (4 saved registers, the return address) */
        "	movl 24(%esp), %ebx\n"
        "	movl 28(%esp), %ecx\n"
        "	movl 32(%esp), %edx\n"
        "	movl 36(%esp), %esi\n"
        "	movl 40(%esp), %edi\n"
        "	movl 44(%esp), %ebp\n"
        "	int $0x80\n"
        "	popl %ebx\n"
        "	.cfi_adjust_cfa_offset -4\n"
        "	.cfi_restore %ebx\n"
        "	popl %esi\n"
        "	.cfi_adjust_cfa_offset -4\n"
        "	.cfi_restore %esi\n"
        "	popl %edi\n"
        "	.cfi_adjust_cfa_offset -4\n"
        "	.cfi_restore %edi\n"
        "	popl %ebp\n"
        "	.cfi_adjust_cfa_offset -4\n"
        "	.cfi_restore %ebp\n"
        "	retl\n"
        "	.cfi_endproc\n"
        ".size lx_syscall6, .-lx_syscall6\n");
