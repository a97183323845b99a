/*
 * \brief  lwip_nic: lwIP's netif over a NIC session
 */

#ifndef _LIBPORTS__LWIP__NIC__NIC_NETIF_H_
#define _LIBPORTS__LWIP__NIC__NIC_NETIF_H_

#include <base/env.h>
#include <lwip/ip4_addr.h>

struct nic_netif_addr {
	bool dhcp;
	ip4_addr_t ip, netmask, gateway;
	uint64_t tx_buf_size, rx_buf_size;
};

/* open the session, add the netif, start its receiver and bring it up */
status_t nic_netif_start(struct env *env, const struct nic_netif_addr *addr);

#endif /* _LIBPORTS__LWIP__NIC__NIC_NETIF_H_ */
