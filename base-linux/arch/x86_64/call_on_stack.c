/*
 * \brief  Calling a function on another stack, x86_64
 *
 * Call fn(arg) with the stack pointer at stack_top (16-byte aligned), and
 * return on the original stack. The frame pointer keeps the old stack
 * pointer, and the CFI lets debuggers unwind from the slot back into the
 * caller. The call pushes the return address, so fn starts with
 * rsp % 16 == 8 as the System V ABI demands.
 */

/* void linux_call_on_stack(void *arg, void (*fn)(void *), uintptr_t stack_top),
 * declared where it is used (base-linux/thread/main_thread.c) */
__asm__(".text\n"
        ".globl linux_call_on_stack\n"
        ".hidden linux_call_on_stack\n"
        ".type linux_call_on_stack, @function\n"
        "linux_call_on_stack:\n"
        "	.cfi_startproc\n"
        "	pushq %rbp\n"
        "	.cfi_def_cfa_offset 16\n"
        "	.cfi_offset %rbp, -16\n"
        "	movq %rsp, %rbp\n"
        "	.cfi_def_cfa_register %rbp\n"
        "	movq %rdx, %rsp\n"
        "	callq *%rsi\n"
        "	movq %rbp, %rsp\n"
        "	popq %rbp\n"
        "	.cfi_def_cfa %rsp, 8\n"
        "	retq\n"
        "	.cfi_endproc\n"
        ".size linux_call_on_stack, .-linux_call_on_stack\n");
