# Genode/C: musl's cancellation-point system call, x86_64 (replaces
# upstream's). It keeps musl's contract (check the cancel flag first,
# __cp_begin/__cp_end/__cp_cancel for pthread_cancel), but the call goes
# to the plugin dispatcher instead of the kernel (doc/libc.md). The
# dispatcher is reached by a tail jump, so a cancellation request that
# arrives while a plugin blocks is acted on at the next cancellation point.
#
# in:  rdi = &cancel, rsi = nr, rdx..r9 = a1..a4, 8(%rsp) = a5, 16(%rsp) = a6
# out: libc_syscall_dispatch(nr, a1, ..., a6): a6 moves to 8(%rsp)
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
	mov (%rdi),%eax
	test %eax,%eax
	jnz __cp_cancel
	mov %rsi,%rdi
	mov %rdx,%rsi
	mov %rcx,%rdx
	mov %r8,%rcx
	mov %r9,%r8
	mov 8(%rsp),%r9
	mov 16(%rsp),%rax
	mov %rax,8(%rsp)
	jmp libc_syscall_dispatch
__cp_end:
__cp_cancel:
	jmp __cancel
