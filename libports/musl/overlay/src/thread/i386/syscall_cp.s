# Genode/C: musl's cancellation-point system call, i386 (replaces
# upstream's): the cancel flag is checked as upstream does, then the
# call goes to the plugin dispatcher instead of the kernel (doc/libc.md).
#
# in:  4(%esp) = &cancel, 8(%esp) = nr, 12..32(%esp) = a1..a6
.text
.global __cp_begin
.hidden __cp_begin
.global __cp_end
.hidden __cp_end
.global __cp_cancel
.hidden __cp_cancel
.hidden __cancel
.global __syscall_cp_asm
.hidden __syscall_cp_asm
.type   __syscall_cp_asm,@function
__syscall_cp_asm:
__cp_begin:
	mov 4(%esp),%ecx
	movl (%ecx),%eax
	testl %eax,%eax
	jnz __cp_cancel
	pushl 32(%esp)
	pushl 32(%esp)
	pushl 32(%esp)
	pushl 32(%esp)
	pushl 32(%esp)
	pushl 32(%esp)
	pushl 32(%esp)
	call libc_syscall_dispatch
	addl $28,%esp
	ret
__cp_end:
__cp_cancel:
	jmp __cancel
