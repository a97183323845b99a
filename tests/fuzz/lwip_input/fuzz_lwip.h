/*
 * \brief  fuzz-lwip_input: the stack the frames go into
 */

#ifndef _TESTS__FUZZ__LWIP_INPUT__FUZZ_LWIP_H_
#define _TESTS__FUZZ__LWIP_INPUT__FUZZ_LWIP_H_

#include <stdint.h>

struct netif;

enum { FUZZ_NETIFS = 2 };

/* once: lwIP, a static netif with a TCP and a UDP server, a DHCP netif */
void fuzz_world_init(void);

struct netif *fuzz_world_netif(unsigned i);

/* move lwIP's clock on and run its due timers */
void fuzz_world_advance(uint32_t ms);

/* after each input: connections and ARP entries go, as between runs */
void fuzz_world_reset(void);

#endif /* _TESTS__FUZZ__LWIP_INPUT__FUZZ_LWIP_H_ */
