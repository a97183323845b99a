/*
 * \brief  GNU Mach's i386 system-call traps and the entry point
 *
 * A trap is 'movl $-n, %eax; lcall $7, $0': the kernel copies the
 * arguments from the user stack above the return address, so each trap is
 * a plain function with the caller's cdecl frame left as it is.
 */

#include <mach_rt.h>

#define MACH_TRAP(name, number)                                                               \
	__asm__(".text\n.globl " #name "\n.type " #name ",@function\n" #name ":\n"            \
	        "\tmovl $" #number ", %eax\n\tlcall $7, $0\n\tret\n.size " #name ", .-" #name \
	        "\n")

MACH_TRAP(mach_msg_trap, -25);
MACH_TRAP(mach_reply_port, -26);
MACH_TRAP(mach_thread_self, -27);
MACH_TRAP(mach_task_self, -28);
MACH_TRAP(mach_host_self, -29);
MACH_TRAP(mach_print, -30);
MACH_TRAP(swtch_pri, -59);
MACH_TRAP(thread_switch, -61);
MACH_TRAP(syscall_vm_allocate, -65);
MACH_TRAP(syscall_vm_deallocate, -66);
MACH_TRAP(syscall_mach_port_allocate, -72);
MACH_TRAP(syscall_mach_port_deallocate, -73);
MACH_TRAP(syscall_mach_port_insert_right, -74);

/*
 * The kernel starts a task (the bootstrap task, or one core loaded) with
 * esp at argc, followed by argv: hand both to C with a 16-byte aligned
 * stack, as the i386 ABI of gcc expects. First the thread gets its
 * thread-local storage (tls_first.c): argc and argv wait in esi and edi,
 * which the call preserves.
 */
__asm__(".text\n.globl _start\n.type _start,@function\n_start:\n"
        "\tmovl (%esp), %esi\n\tleal 4(%esp), %edi\n"
        "\tandl $-16, %esp\n\tcall mach_rt_tls_first\n"
        "\tsubl $8, %esp\n\tpushl %edi\n\tpushl %esi\n"
        "\tcall mach_rt_main\n\thlt\n.size _start, .-_start\n");
