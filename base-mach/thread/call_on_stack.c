/*
 * \brief  Calling a function on another stack, i386
 *
 * Call fn(arg) with the stack pointer at stack_top (16-byte aligned), and
 * return on the original stack. The arguments come on the stack (cdecl)
 * and are read through the frame pointer, which also keeps the old stack
 * pointer. gcc's i386 code wants esp % 16 == 0 at a call: 12 bytes of
 * padding and the 4-byte argument keep that.
 */

/* void mach_call_on_stack(void *arg, void (*fn)(void *), uintptr_t stack_top), mach_thread.h */
__asm__(".text\n"
        ".globl mach_call_on_stack\n"
        ".hidden mach_call_on_stack\n"
        ".type mach_call_on_stack, @function\n"
        "mach_call_on_stack:\n"
        "	pushl %ebp\n"
        "	movl %esp, %ebp\n"
        "	movl 8(%ebp), %eax\n"  /* arg */
        "	movl 12(%ebp), %ecx\n" /* fn */
        "	movl 16(%ebp), %esp\n" /* stack_top */
        "	subl $12, %esp\n"
        "	pushl %eax\n"
        "	calll *%ecx\n"
        "	movl %ebp, %esp\n"
        "	popl %ebp\n"
        "	retl\n"
        ".size mach_call_on_stack, .-mach_call_on_stack\n");
