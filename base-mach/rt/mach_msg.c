/*
 * \brief  mach_msg on the trap
 *
 * A send or receive interrupted by the kernel (a thread_abort, a debugger)
 * is repeated, since no caller of ours wants to see that.
 */

#include <mach_rt.h>

mach_msg_return_t
mach_msg(mach_msg_header_t *msg, mach_msg_option_t option, mach_msg_size_t send_size,
         mach_msg_size_t rcv_size, mach_port_t rcv_name, mach_msg_timeout_t timeout,
         mach_port_t notify)
{
	mach_msg_return_t r;

	r = mach_msg_trap(msg, option, send_size, rcv_size, rcv_name, timeout, notify);
	while (r == MACH_SEND_INTERRUPTED && (option & MACH_SEND_MSG))
		r = mach_msg_trap(msg, option, send_size, rcv_size, rcv_name, timeout, notify);
	while (r == MACH_RCV_INTERRUPTED && (option & MACH_RCV_MSG))
		r = mach_msg_trap(msg, option & ~MACH_SEND_MSG, 0, rcv_size, rcv_name, timeout,
		                  notify);
	return r;
}
