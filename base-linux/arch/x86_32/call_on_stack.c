/*
 * \brief  Calling a function on another stack, i386
 *
 * Call fn(arg) with the stack pointer at stack_top (16-byte aligned), and
 * return on the original stack. The arguments come on the stack (cdecl):
 * they are read through the frame pointer, which keeps the old stack
 * pointer and lets debuggers unwind (CFI) from the slot into the caller.
 * The i386 System V ABI as gcc and clang use it wants esp % 16 == 0 at
 * the call: 12 bytes of padding and the 4-byte argument keep that.
 */

/* void linux_call_on_stack(void *arg, void (*fn)(void *), uintptr_t stack_top),
 * declared where it is used (base-linux/thread/main_thread.c) */
__asm__(".text\n"
        ".globl linux_call_on_stack\n"
        ".hidden linux_call_on_stack\n"
        ".type linux_call_on_stack, @function\n"
        "linux_call_on_stack:\n"
        "	.cfi_startproc\n"
        "	pushl %ebp\n"
        "	.cfi_def_cfa_offset 8\n"
        "	.cfi_offset %ebp, -8\n"
        "	movl %esp, %ebp\n"
        "	.cfi_def_cfa_register %ebp\n"
        "	movl 8(%ebp), %eax\n"  /* arg */
        "	movl 12(%ebp), %ecx\n" /* fn */
        "	movl 16(%ebp), %esp\n" /* stack_top */
        "	subl $12, %esp\n"
        "	pushl %eax\n"
        "	calll *%ecx\n"
        "	movl %ebp, %esp\n"
        "	popl %ebp\n"
        "	.cfi_def_cfa %esp, 4\n"
        "	retl\n"
        "	.cfi_endproc\n"
        ".size linux_call_on_stack, .-linux_call_on_stack\n");
