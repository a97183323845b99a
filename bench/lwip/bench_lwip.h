/*
 * \brief  bench-lwip: what its files share
 */

#ifndef _BENCH__LWIP__BENCH_LWIP_H_
#define _BENCH__LWIP__BENCH_LWIP_H_

#include <stdbool.h>
#include <stdint.h>

#define BENCH_TAP     "tap0"
#define BENCH_HOST_IP "10.0.2.1"
#define BENCH_LWIP_IP "10.0.2.55"

/* a private network namespace with BENCH_TAP, entered by this process */
bool netns_enter(void);
void netns_remove(void);

/* send bytes to ip:port over TCP, wait for the peer's close: MB/s or < 0 */
double sender_mb_s(const char *ip, uint16_t port, uint64_t bytes);

/* the sink as a component behind nic_drv, core booted here: MB/s or < 0 */
double genode_mb_s(const char *self, uint64_t bytes);

/* the same sink in this process, lwIP on the TAP device directly: MB/s or < 0 */
double direct_mb_s(uint64_t bytes);

#endif /* _BENCH__LWIP__BENCH_LWIP_H_ */
