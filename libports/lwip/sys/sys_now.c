/*
 * \brief  lwIP's clock: the framework's monotonic clock in milliseconds
 *
 * lwIP reads its clock for every message its tcpip thread handles (to
 * compute the next timeout), so the clock must cost next to nothing. A
 * Timer session costs an RPC per read: bench-lwip measured 32 MB/s into
 * lwIP through nic_drv with it, 138 MB/s with this one (doc/net.md).
 * This is the clock the framework's own timed waits use (the lock
 * library's, base/internal/futex.h), so lwIP's timeouts and the
 * semaphore waits of its sys_arch agree. A program that drives lwIP's
 * clock itself (the fuzzer) defines its own sys_now; then this file is
 * not linked.
 */

#include <base/internal/futex.h>
#include <lwip/sys.h>

u32_t
sys_now(void)
{
	return (u32_t)(platform_time_us() / 1000);
}
